package io.streamstress.chaos.target;

/**
 * Ends the running job and starts it again from a snapshot of itself: what a rescale or a rollback does to
 * the job (its servers and cluster stay up).
 */
public interface JobControl {

    /** The running job's parallelism. */
    int parallelism();

    /**
     * Stops the job with a savepoint (stop-with-savepoint: sources stop at a barrier, the sink commits) and
     * submits it again from that savepoint at {@code parallelism}.
     *
     * @return what happened, with when the stop began and when the new job was submitted
     */
    Replacement rescale(int parallelism) throws Exception;

    /**
     * Cancels the job and submits it again from the retained checkpoint before the newest one, at the same
     * parallelism: the new job reads again records whose counts were committed after that checkpoint.
     *
     * @throws io.streamstress.chaos.inject.FaultNotInjectedException when fewer than two checkpoints are
     *     retained (the job is left running)
     */
    Replacement rollback() throws Exception;

    /**
     * A job that replaced another.
     *
     * @param stoppedAtMillis when the old job was asked to stop (T0)
     * @param submittedAtMillis when the new job was submitted (the fault is over: what follows is recovery)
     * @param description what was stopped, which snapshot the new job starts from, at which parallelism
     */
    record Replacement(long stoppedAtMillis, long submittedAtMillis, String description) {}
}
