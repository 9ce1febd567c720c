package io.streamstress.chaos.inject;

/**
 * What an injector did.
 *
 * @param t0Millis the instant the fault took effect (wall clock, ms)
 * @param detail what exactly was hit, for the report
 */
public record Injection(long t0Millis, String detail) {}
