/** Fault kinds and the seeded fault plan. */
package io.streamstress.chaos.plan;
