package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import java.time.Duration;

/** Arms the target subtask's {@link ChaosTap} and waits until it has thrown; T0 is the throw. */
public final class TaskExceptionInjector implements FaultInjector {

    private final int parallelism;
    private final Duration patience;

    /**
     * @param parallelism subtasks of the job
     * @param patience how long the armed subtask may take to throw (it waits for records past a barrier)
     */
    public TaskExceptionInjector(int parallelism, Duration patience) {
        this.parallelism = parallelism;
        this.patience = patience;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        int subtask = fault.target() % parallelism;
        int before = JobProbe.thrown().size();
        TaskFailureSwitch.arm(subtask);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            for (JobProbe.Thrown thrown : JobProbe.thrown().subList(before, JobProbe.thrown().size())) {
                if (thrown.subtask() == subtask) {
                    return new Injection(thrown.atMillis(), "subtask " + subtask + " (attempt " + thrown.attempt()
                            + ") threw after " + thrown.recordsSinceBarrier() + " records past a checkpoint barrier");
                }
            }
            Thread.sleep(10);
        }
        TaskFailureSwitch.reset();
        throw new FaultNotInjectedException("subtask " + subtask + " did not reach a point to fail within "
                + patience.toSeconds() + " s (finished, or too few records between checkpoints)");
    }
}
