package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.probe.ProbeReader;
import io.streamstress.chaos.probe.Thrown;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Arms the target subtask's {@link ChaosTap} through the probe channel and waits until the probe reports that
 * it has thrown; T0 is the throw.
 */
public final class TaskExceptionInjector implements FaultInjector {

    private final ProbeReader probe;
    private final IntSupplier parallelism;
    private final Duration patience;
    private final BooleanSupplier jobDone;

    /**
     * @param probe the harness's end of the job's probe channel
     * @param parallelism subtasks of the running job (a rescale changes it)
     * @param patience how long the armed subtask may take to throw (it waits for records past a barrier)
     * @param jobDone whether the job has ended (then the subtask will never throw)
     */
    public TaskExceptionInjector(ProbeReader probe, IntSupplier parallelism, Duration patience, BooleanSupplier jobDone) {
        this.probe = probe;
        this.parallelism = parallelism;
        this.patience = patience;
        this.jobDone = jobDone;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        int subtask = fault.target() % parallelism.getAsInt();
        Set<Thrown> before = new HashSet<>(probe.thrown());
        probe.arm(subtask);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && !jobDone.getAsBoolean()) {
            for (Thrown thrown : probe.thrown()) {
                if (thrown.subtask() == subtask && !before.contains(thrown)) {
                    return new Injection(thrown.atMillis(), "subtask " + subtask + " (attempt " + thrown.attempt()
                            + ") threw after " + thrown.recordsSinceBarrier() + " records past a checkpoint barrier");
                }
            }
            Thread.sleep(10);
        }
        probe.disarm();
        throw new FaultNotInjectedException("subtask " + subtask + " did not reach a point to fail "
                + (jobDone.getAsBoolean() ? "before the job ended" : "within " + patience.toSeconds() + " s")
                + " (it needs records past a checkpoint barrier)");
    }
}
