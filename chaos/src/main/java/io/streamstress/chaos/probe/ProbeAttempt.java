package io.streamstress.chaos.probe;

import java.util.Objects;

/**
 * One execution attempt of a subtask, and where it runs.
 *
 * @param subtask the subtask index
 * @param attempt Flink's attempt number (0 for the first, higher after restarts)
 * @param taskManager the resource id of the TaskManager that hosts it
 */
public record ProbeAttempt(int subtask, int attempt, String taskManager) {

    public ProbeAttempt {
        Objects.requireNonNull(taskManager, "taskManager");
    }
}
