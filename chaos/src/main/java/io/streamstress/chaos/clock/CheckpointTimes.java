package io.streamstress.chaos.clock;

/**
 * When a completed checkpoint was triggered and when it completed, wall-clock ms.
 *
 * @param triggeredAtMillis when the JobManager triggered it
 * @param completedAtMillis when the last subtask acknowledged it
 */
public record CheckpointTimes(long triggeredAtMillis, long completedAtMillis) {}
