package io.streamstress.chaos.clock;

/**
 * Something a task attempt did at an instant: reached RUNNING, or processed its first record.
 *
 * @param subtask the subtask index
 * @param attempt Flink's attempt number (0 for the first attempt of a job, more after each restart)
 * @param atMillis when, wall-clock ms
 */
public record AttemptEvent(int subtask, int attempt, long atMillis) {

    /** Whether a restart created this attempt (attempt number above 0). */
    public boolean restarted() {
        return attempt > 0;
    }
}
