package io.streamstress.runner.chaos;

import io.streamstress.chaos.clock.Interval;
import io.streamstress.chaos.clock.Observations;
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
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Works through the fault plan while the job runs: waits until a fault is due (time or progress) and until the
 * pipeline made progress since the previous fault (a checkpoint triggered after it completed; records flow),
 * injects it, prints its recovery clocks once it
 * recovered, and at the end computes every fault's final clocks from what the {@link JobWatcher} recorded.
 */
public final class ChaosDirector implements AutoCloseable {

    /** How long the director waits for a fault's recovery before moving on (the clocks are final at the end). */
    static final Duration RECOVERY_PATIENCE = Duration.ofSeconds(60);
    private static final long POLL_MS = 50;
    /** How long the end of a run waits for a fault that is being injected to finish taking effect. */
    static final Duration INJECTION_GRACE = Duration.ofSeconds(60);

    /** Where a resumed run takes over: the process-kill it recovers from, and what came before it. */
    public record Resumption(ResumedFault killed, List<FaultRecord> before) {

        public Resumption {
            before = List.copyOf(before);
        }
    }

    private final FaultPlan plan;
    private final Map<FaultKind, FaultInjector> injectors;
    private final JobWatcher watcher;
    private final LongSupplier committed;
    private final long messages;
    private final long pipelineStart;
    private final BooleanSupplier jobDone;
    private final Console console;
    private final Optional<Resumption> resumed;
    private final FaultGate gate;
    private final IntFunction<OptionalLong> poisonReadAt;
    private final LongFunction<OptionalLong> countedFromNewLeadersAt;
    /** The plan index of the fault being injected now, -1 when none. */
    private volatile int injecting = -1;
    private final List<FaultRecord> records = new ArrayList<>();
    private final Map<String, Long> lastRecoveryMillis = new TreeMap<>();
    private final Thread thread;

    /**
     * @param committed messages committed so far (for {@code kind@40%})
     * @param pipelineStart wall-clock ms when the first record of the run was sent (for {@code kind@30s})
     * @param jobDone whether the job has ended (no fault is injected after that)
     * @param resumed the process-kill this run resumed from and the faults before it, as the killed process
     *     recorded them: they count as injected (or not), the plan goes on after the kill
     * @param gate holds the producer at progress faults until they start
     * @param poisonReadAt for a poison fault's plan index, when the job had read all its records
     * @param countedFromNewLeadersAt for a killed partition leader's T0, when the sink had counted records its
     *     partitions' new leaders took ({@link LeaderKills})
     */
    public ChaosDirector(FaultPlan plan, Map<FaultKind, FaultInjector> injectors, JobWatcher watcher,
            LongSupplier committed, long messages, long pipelineStart, BooleanSupplier jobDone, Console console,
            Optional<Resumption> resumed, FaultGate gate, IntFunction<OptionalLong> poisonReadAt,
            LongFunction<OptionalLong> countedFromNewLeadersAt) {
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
        this.poisonReadAt = poisonReadAt;
        this.countedFromNewLeadersAt = countedFromNewLeadersAt;
        this.thread = new Thread(this::run, "streamstress-chaos");
        this.thread.setDaemon(true);
        for (FaultRecord before : resumed.map(Resumption::before).orElse(List.of())) {
            add(before);
            before.recoveryMillis().ifPresent(ms -> recovered(before.planned().kind(), ms));
        }
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
            ResumedFault killedAt = resumed.get().killed();
            PlannedFault killed = plan.faults().get(killedAt.index());
            long t0 = killedAt.t0Millis();
            add(FaultRecord.injected(killedAt.index(), killed, new Injection(t0, "the stress process was killed with "
                    + "SIGKILL and resumed from its retained checkpoint"), t0));
            previousT0 = t0;
            first = killedAt.index() + 1;
            try {
                awaitRecovery(killedAt.index(), killed, t0, t0);
            } catch (InterruptedException e) {
                return;
            }
        }
        for (int index = first; index < plan.faults().size(); index++) {
            PlannedFault fault = plan.faults().get(index);
            int number = index + 1;
            long since = previousT0;
            // Due, and the pipeline made progress since the previous fault: a checkpoint triggered after it
            // completed; and records flow (a checkpoint can complete while the tasks on cold TaskManager JVMs have
            // read nothing yet, and a fault then has nothing past a checkpoint to replay).
            if (!await(() -> isDue(fault.trigger()))
                    || !await(() -> checkpointSince(since) && watcher.recordsFlowed())) {
                return;
            }
            gate.start(index);
            injecting = index;
            // While the fault lasts and its recovery is awaited, the next fault's hold gives way by 1 % of the run, then
            // at a trickle (FaultGate): a recovery shown by records processed or counted again needs records sent
            // meanwhile.
            gate.recovering(true);
            try {
                Injection injection = injectors.get(fault.kind()).inject(fault);
                injecting = -1;
                long ended = fault.kind().overWhenInjected()
                        ? injection.t0Millis()
                        : injection.endedMillis().orElse(System.currentTimeMillis());
                add(FaultRecord.injected(index, fault, injection, ended));
                console.line("  fault %d/%d %s at +%.1fs: %s", number, plan.faults().size(), fault,
                        (injection.t0Millis() - pipelineStart) / 1000.0, injection.detail());
                previousT0 = injection.t0Millis();
                awaitRecovery(index, fault, injection.t0Millis(), ended);
            } catch (InterruptedException e) {
                return;
            } catch (FaultNotInjectedException e) {
                add(FaultRecord.notInjected(index, fault, e.getMessage()));
                console.line("  fault %d/%d %s not injected: %s", number, plan.faults().size(), fault, e.getMessage());
            } catch (Exception e) {
                add(FaultRecord.notInjected(index, fault, "injection failed: " + e));
                console.line("  fault %d/%d %s failed to inject: %s", number, plan.faults().size(), fault, e);
            } finally {
                gate.recovering(false);
            }
        }
    }

    private void awaitRecovery(int index, PlannedFault fault, long t0, long ended) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_PATIENCE.toNanos();
        RecoveryClock clock = measure(index, fault, t0, ended, Long.MAX_VALUE, snapshot());
        gate.recovering(true);
        try {
            while (clock.recoveryMillis().isEmpty() && System.nanoTime() < deadline && !jobDone.getAsBoolean()) {
                Thread.sleep(POLL_MS);
                clock = measure(index, fault, t0, ended, Long.MAX_VALUE, snapshot());
            }
        } finally {
            gate.recovering(false);
        }
        RecoveryClock measured = clock;
        synchronized (this) {
            records.replaceAll(r -> r.index() == index && r.injected() && r.clock().isEmpty() ? r.withClock(measured) : r);
        }
        console.line("    %s", ClockFormat.line(clock));
        clock.recoveryMillis().ifPresent(ms -> recovered(fault.kind(), ms));
    }

    /**
     * The clocks of the fault at plan index {@code index}, from what the watcher recorded between T0 and
     * {@code until} (a later fault's T0), with every other fault in {@code known} in progress as a disturbance.
     */
    private RecoveryClock measure(int index, PlannedFault fault, long t0, long ended, long until, List<FaultRecord> known) {
        FaultKind kind = fault.kind();
        List<Interval> disturbed = new ArrayList<>(gate.holds());
        for (FaultRecord other : known) {
            if (other.index() != index && other.injected() && other.injection().get().t0Millis() < t0) {
                other.inProgress(t0).ifPresent(disturbed::add);
            }
        }
        OptionalLong poison = kind == FaultKind.POISON ? poisonReadAt.apply(index) : OptionalLong.empty();
        Observations seen = watcher.observations(t0, until, disturbed, poison);
        if (kind == FaultKind.BROKER_LEADER_KILL) {
            seen = seen.withCountedFromNewLeadersAt(countedFromNewLeadersAt.apply(t0));
        }
        return RecoveryClock.measure(kind, fault.server(), t0, ended, seen);
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
        return watcher.checkpoints().triggeredAndCompletedAfter(millis) > 0;
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

    private synchronized List<FaultRecord> snapshot() {
        return new ArrayList<>(records);
    }

    /**
     * The faults recorded so far, each with its clocks as measured up to now: what a process about to be killed
     * hands to the one that resumes it (which cannot measure them: the samples die with this process).
     */
    public List<FaultRecord> recordedSoFar() {
        watcher.refresh();
        return withFinalClocks(snapshot());
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
        List<FaultRecord> result = withFinalClocks(snapshot());
        for (int i = result.size(); i < plan.faults().size(); i++) {
            result.add(FaultRecord.notInjected(i, plan.faults().get(i), i == injecting
                    ? "the job ended while it was being injected (a task fault needs records past a barrier)"
                    : "the job finished before it was due"));
        }
        return result;
    }

    /**
     * Every record with its clocks computed from all that was recorded, in plan order: each fault's window
     * ends at the next fault's T0, and the faults before it (with their final clocks) disturb its baseline.
     * A record that came with its clocks (measured by the process this run resumed) keeps them.
     */
    private List<FaultRecord> withFinalClocks(List<FaultRecord> recorded) {
        List<FaultRecord> done = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            FaultRecord record = recorded.get(i);
            boolean handedOver = resumed.isPresent() && record.index() < resumed.get().killed().index();
            if (record.injection().isEmpty() || handedOver) {
                done.add(record);
                continue;
            }
            long t0 = record.injection().get().t0Millis();
            List<FaultRecord> known = new ArrayList<>(done);
            known.addAll(recorded.subList(i + 1, recorded.size()));
            done.add(record.withClock(measure(record.index(), record.planned(), t0, record.endedMillis(),
                    nextT0(recorded, i), known)));
        }
        return done;
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
