package io.streamstress.runner.chaos;

import io.streamstress.chaos.clock.RecoveryClock;
import io.streamstress.chaos.inject.FaultInjector;
import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.inject.Injection;
import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.FaultPlan;
import io.streamstress.chaos.plan.FaultTrigger;
import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.runner.infra.Console;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Works through the fault plan while the job runs: waits until a fault is due (time or progress) and until a
 * checkpoint completed since the previous fault, injects it, prints its recovery clocks once it recovered,
 * and at the end computes every fault's final clocks from what the {@link JobWatcher} recorded.
 */
public final class ChaosDirector implements AutoCloseable {

    /** How long the director waits for a fault's recovery before moving on (the clocks are final at the end). */
    static final Duration RECOVERY_PATIENCE = Duration.ofSeconds(60);
    private static final long POLL_MS = 50;
    /** How long the end of a run waits for a fault that is being injected to finish taking effect. */
    static final Duration INJECTION_GRACE = Duration.ofSeconds(60);

    private final FaultPlan plan;
    private final Map<FaultKind, FaultInjector> injectors;
    private final JobWatcher watcher;
    private final LongSupplier committed;
    private final long messages;
    private final long pipelineStart;
    private final BooleanSupplier jobDone;
    private final Console console;
    private final Optional<ResumedFault> resumed;
    private final FaultGate gate;
    /** The plan index of the fault being injected now, -1 when none. */
    private volatile int injecting = -1;
    private final List<FaultRecord> records = new ArrayList<>();
    private final Map<String, Long> lastRecoveryMillis = new TreeMap<>();
    private final Thread thread;

    /**
     * @param committed messages committed so far (for {@code kind@40%})
     * @param pipelineStart wall-clock ms when the first record was sent (for {@code kind@30s})
     * @param jobDone whether the job has ended (no fault is injected after that)
     * @param resumed the process-kill this run resumed from: it counts as injected, the plan goes on after it
     * @param gate holds the producer at progress faults until they start
     */
    public ChaosDirector(FaultPlan plan, Map<FaultKind, FaultInjector> injectors, JobWatcher watcher,
            LongSupplier committed, long messages, long pipelineStart, BooleanSupplier jobDone, Console console,
            Optional<ResumedFault> resumed, FaultGate gate) {
        this.plan = plan;
        this.injectors = Map.copyOf(injectors);
        this.watcher = watcher;
        this.committed = committed;
        this.messages = messages;
        this.pipelineStart = pipelineStart;
        this.jobDone = jobDone;
        this.console = console;
        this.resumed = resumed;
        this.gate = gate;
        this.thread = new Thread(this::run, "streamstress-chaos");
        this.thread.setDaemon(true);
    }

    public ChaosDirector start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            runPlan();
        } finally {
            gate.release();
        }
    }

    private void runPlan() {
        long previousT0 = pipelineStart;
        int first = 0;
        if (resumed.isPresent()) {
            PlannedFault killed = plan.faults().get(resumed.get().index());
            long t0 = resumed.get().t0Millis();
            add(FaultRecord.injected(killed, new Injection(t0, "the stress process was killed with SIGKILL and resumed "
                    + "from its retained checkpoint"), t0));
            previousT0 = t0;
            first = resumed.get().index() + 1;
            try {
                awaitRecovery(killed, t0, t0);
            } catch (InterruptedException e) {
                return;
            }
        }
        int number = first;
        for (PlannedFault fault : plan.faults().subList(first, plan.faults().size())) {
            number++;
            long since = previousT0;
            if (!await(() -> isDue(fault.trigger())) || !await(() -> checkpointSince(since))) {
                return;
            }
            gate.start(number - 1);
            injecting = number - 1;
            try {
                Injection injection = injectors.get(fault.kind()).inject(fault);
                injecting = -1;
                long ended = fault.kind().restartsTasks() ? injection.t0Millis() : System.currentTimeMillis();
                add(FaultRecord.injected(fault, injection, ended));
                console.line("  fault %d/%d %s at +%.1fs: %s", number, plan.faults().size(), fault,
                        (injection.t0Millis() - pipelineStart) / 1000.0, injection.detail());
                previousT0 = injection.t0Millis();
                awaitRecovery(fault, injection.t0Millis(), ended);
            } catch (InterruptedException e) {
                return;
            } catch (FaultNotInjectedException e) {
                add(FaultRecord.notInjected(fault, e.getMessage()));
                console.line("  fault %d/%d %s not injected: %s", number, plan.faults().size(), fault, e.getMessage());
            } catch (Exception e) {
                add(FaultRecord.notInjected(fault, "injection failed: " + e));
                console.line("  fault %d/%d %s failed to inject: %s", number, plan.faults().size(), fault, e);
            }
        }
    }

    private void awaitRecovery(PlannedFault fault, long t0, long ended) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_PATIENCE.toNanos();
        RecoveryClock clock = RecoveryClock.measure(fault.kind(), t0, ended, watcher.observations(t0, Long.MAX_VALUE));
        while (clock.recoveryMillis().isEmpty() && System.nanoTime() < deadline && !jobDone.getAsBoolean()) {
            Thread.sleep(POLL_MS);
            clock = RecoveryClock.measure(fault.kind(), t0, ended, watcher.observations(t0, Long.MAX_VALUE));
        }
        console.line("    %s", ClockFormat.line(clock));
        clock.recoveryMillis().ifPresent(ms -> recovered(fault.kind(), ms));
    }

    private synchronized void recovered(FaultKind kind, long millis) {
        lastRecoveryMillis.put(kind.toString(), millis);
    }

    /** Faults injected so far, by kind. */
    public synchronized Map<String, Long> injectedByKind() {
        Map<String, Long> byKind = new TreeMap<>();
        records.stream().filter(FaultRecord::injected)
                .forEach(r -> byKind.merge(r.planned().kind().toString(), 1L, Long::sum));
        return byKind;
    }

    /** The recovery time of the latest recovered fault of each kind, in ms. */
    public synchronized Map<String, Long> lastRecoveryMillisByKind() {
        return new TreeMap<>(lastRecoveryMillis);
    }

    private boolean isDue(FaultTrigger trigger) {
        if (trigger instanceof FaultTrigger.AtTime at) {
            return System.currentTimeMillis() - pipelineStart >= at.sinceStart().toMillis();
        }
        if (trigger instanceof FaultTrigger.AtProgress at) {
            return committed.getAsLong() >= at.position(messages);
        }
        return true;
    }

    private boolean checkpointSince(long millis) {
        return watcher.checkpoints().completedAfter(millis) > 0;
    }

    /** Waits for {@code condition}; false when the job ended or the thread was interrupted first. */
    private boolean await(BooleanSupplier condition) {
        try {
            while (!condition.getAsBoolean()) {
                if (jobDone.getAsBoolean()) {
                    return false;
                }
                Thread.sleep(POLL_MS);
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private synchronized void add(FaultRecord record) {
        records.add(record);
    }

    /**
     * Stops the director and returns every planned fault with its final clocks; faults never reached are
     * reported as not injected.
     */
    public List<FaultRecord> finish() {
        gate.release();
        try {
            if (injecting >= 0) {
                // Let a fault that is taking effect (a stall, a restart) finish, so that it is recorded.
                thread.join(INJECTION_GRACE.toMillis());
            }
            thread.interrupt();
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watcher.refresh();
        List<FaultRecord> done;
        synchronized (this) {
            done = new ArrayList<>(records);
        }
        List<FaultRecord> result = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            FaultRecord record = done.get(i);
            if (record.injection().isEmpty()) {
                result.add(record);
                continue;
            }
            long t0 = record.injection().get().t0Millis();
            long until = nextT0(done, i);
            result.add(record.withClock(RecoveryClock.measure(
                    record.planned().kind(), t0, record.endedMillis(), watcher.observations(t0, until))));
        }
        // A resumed run starts at the killed fault; the ones before it were the killed process's to report.
        int handled = done.size() + resumed.map(ResumedFault::index).orElse(0);
        for (int i = handled; i < plan.faults().size(); i++) {
            result.add(FaultRecord.notInjected(plan.faults().get(i), i == injecting
                    ? "the job ended while it was being injected (a task fault needs records past a barrier)"
                    : "the job finished before it was due"));
        }
        return result;
    }

    private static long nextT0(List<FaultRecord> records, int index) {
        for (int j = index + 1; j < records.size(); j++) {
            if (records.get(j).injection().isPresent()) {
                return records.get(j).injection().get().t0Millis();
            }
        }
        return Long.MAX_VALUE;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
