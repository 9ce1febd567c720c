package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.target.JobControl;
import java.util.OptionalLong;

/**
 * Stops the job with a savepoint and starts it again from it at the other of two parallelisms: from the
 * run's start to {@code --rescale-to}, and back on the next rescale. T0 is the stop; the fault is over when the
 * new job is submitted.
 */
public final class RescaleInjector implements FaultInjector {

    private final JobControl job;
    private final int startParallelism;
    private final int rescaleTo;

    /**
     * @param startParallelism the parallelism the run started with
     * @param rescaleTo the parallelism a rescale goes to (a second rescale goes back)
     */
    public RescaleInjector(JobControl job, int startParallelism, int rescaleTo) {
        if (startParallelism < 1 || rescaleTo < 1 || startParallelism == rescaleTo) {
            throw new IllegalArgumentException("a rescale needs two different parallelisms of at least 1, got "
                    + startParallelism + " and " + rescaleTo);
        }
        this.job = job;
        this.startParallelism = startParallelism;
        this.rescaleTo = rescaleTo;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        int target = job.parallelism() == rescaleTo ? startParallelism : rescaleTo;
        JobControl.Replacement replaced = job.rescale(target);
        return new Injection(replaced.stoppedAtMillis(), replaced.description(),
                OptionalLong.of(replaced.submittedAtMillis()));
    }
}
