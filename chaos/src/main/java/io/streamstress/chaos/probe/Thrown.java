package io.streamstress.chaos.probe;

/** A subtask attempt threw on purpose, {@code recordsSinceBarrier} records past its last checkpoint barrier. */
public record Thrown(int subtask, int attempt, long atMillis, long recordsSinceBarrier) {}
