package io.streamstress.chaos.probe;

/**
 * An attempt (restarted, or the first of a resumed job) processed its first record: for a restarted one, the
 * end of recovery (T2).
 */
public record FirstRecord(int subtask, int attempt, long atMillis) {}
