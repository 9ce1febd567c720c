package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.target.JobManagerControl;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Fails over the JobManager: revokes the JobMaster's leadership of the job, leaves the job without a leader for
 * a while, then grants the leadership again; the new JobMaster restarts every task from the latest completed
 * checkpoint. T0 is the revoke; the fault ends with the grant.
 */
public final class JobManagerFailoverInjector implements FaultInjector {

    private final JobManagerControl jobManager;
    private final Duration leaderless;

    /** @param leaderless how long the job stays without a leading JobMaster */
    public JobManagerFailoverInjector(JobManagerControl jobManager, Duration leaderless) {
        this.jobManager = jobManager;
        this.leaderless = leaderless;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        JobManagerControl.JobManagerFailover failover = jobManager.failover(leaderless);
        return new Injection(failover.revokedAtMillis(), failover.description(),
                OptionalLong.of(failover.grantedAtMillis()));
    }
}
