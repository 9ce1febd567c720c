package io.streamstress.runner.infra.cluster;

/**
 * The current execution attempt of one subtask.
 *
 * @param subtask the subtask's index
 * @param attempt its attempt number (0 for the first)
 * @param state Flink's execution state name (DEPLOYING, RUNNING, …)
 * @param runningSinceMillis when the attempt reached RUNNING, 0 when it has not
 * @param taskManagerId the resource id of the TaskManager it runs on, null before it is placed
 */
public record SubtaskAttempt(int subtask, int attempt, String state, long runningSinceMillis, String taskManagerId) {

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
