package io.streamstress.chaos.target;

import io.streamstress.chaos.inject.FaultNotInjectedException;

/** Stops, kills, freezes and cuts off TaskManagers of the cluster the job runs on. */
public interface TaskManagerControl {

    /**
     * Stops one running TaskManager (gracefully: its tasks fail at once, no heartbeat time-out) and starts a
     * replacement, so the job can run at full parallelism again.
     *
     * @param ordinal which of the TaskManagers hosting a running task of the job, taken modulo their number
     * @return a description of the TaskManager stopped
     */
    String stopAndReplace(int ordinal) throws Exception;

    /**
     * Kills one TaskManager process that hosts a running task of the job with SIGKILL (a crash: no goodbye, Flink
     * finds out by its heartbeats) and starts a spare right after.
     *
     * @return what was killed, naming the TaskManager's resource id
     */
    default KilledTaskManager kill(int ordinal) throws Exception {
        throw new FaultNotInjectedException("this cluster's TaskManagers are not processes the harness owns");
    }

    /**
     * Freezes one TaskManager process that hosts a running task of the job with SIGSTOP; it stays frozen until
     * {@link FrozenTaskManager#thaw()} sends SIGCONT.
     */
    default FrozenTaskManager freeze(int ordinal) throws Exception {
        throw new FaultNotInjectedException("this cluster's TaskManagers are not processes the harness owns");
    }

    /**
     * Cuts one TaskManager that hosts a running task of the job from the network (its container disconnected
     * from the run's network: its sockets lose their route, nothing reaches it and it reaches nothing) until
     * {@link FrozenTaskManager#thaw()} connects it again.
     */
    default FrozenTaskManager cutOff(int ordinal) throws Exception {
        throw new FaultNotInjectedException("only a TaskManager in its own container can be cut from the network "
                + "(--infra docker --cluster docker)");
    }

    /** A TaskManager that was killed. */
    record KilledTaskManager(String resourceId, long killedAtMillis, String description) {}

    /** A frozen TaskManager. */
    interface FrozenTaskManager {

        String resourceId();

        /** When SIGSTOP was sent. */
        long frozenAtMillis();

        String description();

        /** What was done to it, for the report: "frozen (SIGSTOP)". */
        default String how() {
            return "frozen (SIGSTOP)";
        }

        /** What {@link #thaw()} does, for the report: "thawed (SIGCONT)". */
        default String undoing() {
            return "thawed (SIGCONT)";
        }

        /**
         * Sends SIGCONT, and says what became of the thawed TaskManager: a zombie whose attempts Flink had
         * cancelled and moved, or one that simply went on (thawed before its heartbeat timed out).
         */
        String thaw() throws Exception;
    }
}
