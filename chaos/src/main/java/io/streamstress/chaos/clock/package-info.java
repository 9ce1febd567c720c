/** The recovery clock: T1–T4 of a fault, computed from what was recorded around it. */
package io.streamstress.chaos.clock;
