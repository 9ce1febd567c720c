package io.streamstress.checkpoints;

/**
 * A checkpoint that completed, as the JobManager's statistics describe it.
 *
 * @param id checkpoint id
 * @param triggeredAtMillis when it was triggered
 * @param completedAtMillis when the last subtask acknowledged it
 * @param durationMillis end-to-end duration
 * @param stateBytes size of the state it holds
 */
public record CompletedCheckpoint(long id, long triggeredAtMillis, long completedAtMillis, long durationMillis, long stateBytes) {}
