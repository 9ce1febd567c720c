package io.streamstress.chaos.target;

/** Stops and starts TaskManagers of the cluster the job runs on. */
public interface TaskManagerControl {

    /**
     * Stops one running TaskManager (gracefully: its tasks fail at once, no heartbeat time-out) and starts a
     * replacement, so the job can run at full parallelism again.
     *
     * @param ordinal which of the running TaskManagers, taken modulo their number
     * @return a description of the TaskManager stopped
     */
    String stopAndReplace(int ordinal) throws Exception;
}
