package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Arms the target subtask's {@link ChaosTap} and waits until it has thrown; T0 is the throw. */
public final class TaskExceptionInjector implements FaultInjector {

    private final int parallelism;
    private final Duration patience;
    private final BooleanSupplier jobDone;

    /**
     * @param parallelism subtasks of the job
     * @param patience how long the armed subtask may take to throw (it waits for records past a barrier)
     * @param jobDone whether the job has ended (then the subtask will never throw)
     */
    public TaskExceptionInjector(int parallelism, Duration patience, BooleanSupplier jobDone) {
        this.parallelism = parallelism;
        this.patience = patience;
        this.jobDone = jobDone;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        int subtask = fault.target() % parallelism;
        int before = JobProbe.thrown().size();
        TaskFailureSwitch.arm(subtask);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && !jobDone.getAsBoolean()) {
            for (JobProbe.Thrown thrown : JobProbe.thrown().subList(before, JobProbe.thrown().size())) {
                if (thrown.subtask() == subtask) {
                    return new Injection(thrown.atMillis(), "subtask " + subtask + " (attempt " + thrown.attempt()
                            + ") threw after " + thrown.recordsSinceBarrier() + " records past a checkpoint barrier");
                }
            }
            Thread.sleep(10);
        }
        TaskFailureSwitch.reset();
        throw new FaultNotInjectedException("subtask " + subtask + " did not reach a point to fail "
                + (jobDone.getAsBoolean() ? "before the job ended" : "within " + patience.toSeconds() + " s")
                + " (it needs records past a checkpoint barrier)");
    }
}
