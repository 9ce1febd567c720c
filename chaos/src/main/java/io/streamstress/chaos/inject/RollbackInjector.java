package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.target.JobControl;
import java.util.OptionalLong;

/**
 * Cancels the job and starts it again from the retained checkpoint before the newest: records counted after
 * that checkpoint are read and offered to the sink again. T0 is the cancel; the fault is over when the new job
 * is submitted.
 */
public final class RollbackInjector implements FaultInjector {

    private final JobControl job;

    public RollbackInjector(JobControl job) {
        this.job = job;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        JobControl.Replacement replaced = job.rollback();
        return new Injection(replaced.stoppedAtMillis(), replaced.description(),
                OptionalLong.of(replaced.submittedAtMillis()));
    }
}
