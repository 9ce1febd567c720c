/** Fault injectors, the in-job tap that throws and observes, and what it observed. */
package io.streamstress.chaos.inject;
