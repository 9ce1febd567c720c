/**
 * Fault injectors, and the in-job tap that throws and observes (it reports through the probe channel of
 * {@link io.streamstress.chaos.probe}).
 */
package io.streamstress.chaos.inject;
