package io.streamstress.chaos.target;

import java.time.Duration;

/**
 * Fails over the JobManager of the running job: takes its JobMaster's leadership away and gives it back, as a
 * leader election does when the leading JobManager is lost. The old JobMaster suspends the job (cancels its
 * tasks); the one that gets the leadership is a new JobMaster, with a new execution graph, that restores the job
 * from its latest completed checkpoint: every task restarts, the job keeps its id.
 */
public interface JobManagerControl {

    /**
     * Revokes the JobMaster's leadership of the job, waits {@code leaderless}, and grants it again.
     *
     * @param leaderless how long the job stays without a leading JobMaster (zero: grant at once)
     * @return when the leadership was revoked (T0) and granted again
     * @throws io.streamstress.chaos.inject.FaultNotInjectedException when the cluster cannot do it, or the job is
     *     not running
     */
    JobManagerFailover failover(Duration leaderless) throws Exception;

    /**
     * A JobManager failover that took place.
     *
     * @param revokedAtMillis when the leadership was revoked (wall clock, ms): T0
     * @param grantedAtMillis when it had been granted again (the fault is over: what follows is recovery)
     * @param description what was failed over, for the report
     */
    record JobManagerFailover(long revokedAtMillis, long grantedAtMillis, String description) {}
}
