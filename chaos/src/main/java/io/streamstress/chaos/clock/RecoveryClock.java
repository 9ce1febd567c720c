package io.streamstress.chaos.clock;

import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.ServerRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The clocks of one fault, from T0 = the injection instant (wall-clock ms):
 * <ul>
 *   <li>T1: the restarted tasks are RUNNING again (the last attempt started after T0 to reach RUNNING);
 *   <li>T2: a restarted attempt (attempt number above 0) processed its first record; the first attempts of the
 *       job, which never stopped, do not count;
 *   <li>T3: the first checkpoint <em>triggered</em> after T0 completed (a checkpoint already in flight at T0
 *       says nothing about recovery);
 *   <li>T4: throughput, over {@link #RATE_WINDOW_MS} windows, is back to at least {@link #RECOVERED_FRACTION} of a
 *       baseline: the rate of the latest {@link #BASELINE_MS} before T0 in which the pipeline ran freely (records
 *       flowing, the producer not held at a fault's position, no other fault in progress). With no such window
 *       there is no baseline and no T4.
 * </ul>
 * T1 and T2 exist only for faults that restart tasks, for a process kill, where they are the resumed job's
 * (its attempts start at 0 again in a new process), and for a rescale or a rollback, where they are the new job's
 * (whose attempts the harness numbers after the old job's, so they count as restarted). A clock not reached before the run ended is empty.
 *
 * <p>{@code recovered} is when the pipeline did again what the fault stopped, by kind: a task fault when a
 * restarted attempt processed its first record (T2); a Redis fault when a commit was applied after Redis
 * came back (checkpoints complete without Redis, so T3 would not see the outage); a broker restart when the
 * job processed records again after the restarted broker first served records of the topic (records the
 * source had buffered before the restart do not count); a frozen TaskManager when a restarted attempt processed
 * its first record (T2) if Flink declared it lost, else (thawed before its heartbeat timed out) when records were
 * processed again after the thaw; a process kill when the resumed job processed its
 * first record; a killed partition leader when the sink had committed, on every partition it led, a record sent
 * after new leaders were elected (read from a new leader, then); poison when the first checkpoint triggered after the job had read every poison record (it
 * sets them aside without failing) completed.
 *
 * <p>For a crashed or frozen TaskManager there is also {@code detected}: when the JobManager recorded the job's
 * first failure at or after T0, i.e. when Flink declared the TaskManager lost (its heartbeats failed or timed
 * out). It is empty for the other kinds, whose failure Flink learns of at once or never.
 *
 * @param baselinePerSecond the rate T4 compares with (records/s), empty when there was no free window before T0
 * @param detected when Flink declared the TaskManager lost, for {@code taskmanager-kill} and
 *     {@code taskmanager-freeze}
 */
public record RecoveryClock(
        long t0,
        OptionalLong t1,
        OptionalLong t2,
        OptionalLong t3,
        OptionalLong t4,
        OptionalLong recovered,
        String basis,
        OptionalDouble baselinePerSecond,
        OptionalLong detected) {

    public static final double RECOVERED_FRACTION = 0.9;
    public static final long RATE_WINDOW_MS = 1_000;
    /** The pre-fault rate is taken over this long, before T0. */
    public static final long BASELINE_MS = 3_000;

    /**
     * Computes the clocks of a fault.
     *
     * @param kind the fault kind
     * @param t0 when it took effect
     * @param ended when the fault itself was over (Redis resumed or back, broker back; T0 for task faults)
     * @param seen what was recorded
     */
    public static RecoveryClock measure(FaultKind kind, long t0, long ended, Observations seen) {
        return measure(kind, Optional.empty(), t0, ended, seen);
    }

    /**
     * Computes the clocks of a fault that may hit one server ({@link FaultKind#hitsServer()}): a container fault's
     * recovery is what the server it hit stopped doing, and is told as for the fault that stops it without a
     * container (a killed Redis container as a killed Redis, a frozen broker container as a hung broker).
     *
     * @param server the server a container fault hit; required for those kinds
     */
    public static RecoveryClock measure(FaultKind kind, Optional<ServerRole> server, long t0, long ended,
            Observations seen) {
        if (kind.hitsServer()) {
            ServerRole role = server.orElseThrow(() -> new IllegalArgumentException(kind + " needs the server it hit"));
            ContainerRecovery.Analog analog = ContainerRecovery.analog(kind, role);
            RecoveryClock clock = measure(analog.kind(), Optional.empty(), t0, ended, seen);
            OptionalLong recovered = analog.afterEndOnly()
                    ? firstIncreaseAfter(seen.committed(), ended, ended)
                    : clock.recovered();
            return new RecoveryClock(t0, clock.t1(), clock.t2(), clock.t3(), clock.t4(), recovered,
                    analog.basis(clock.basis()), clock.baselinePerSecond(), clock.detected());
        }
        boolean resumedProcess = kind == FaultKind.PROCESS_KILL;
        boolean restarts = kind.restartsTasks() || resumedProcess || kind.replacesJob()
                || kind == FaultKind.JOBMANAGER_FAILOVER;
        OptionalLong t1 = restarts
                ? seen.running().stream().filter(e -> e.atMillis() >= t0 && (resumedProcess || e.restarted()))
                        .mapToLong(AttemptEvent::atMillis).max()
                : OptionalLong.empty();
        OptionalLong t2 = restarts
                ? seen.firstRecords().stream().filter(e -> e.atMillis() >= t0 && (resumedProcess || e.restarted()))
                        .mapToLong(AttemptEvent::atMillis).min()
                : OptionalLong.empty();
        OptionalLong t3 = firstCheckpointTriggeredFrom(seen.checkpoints(), t0);
        OptionalDouble baseline = baselinePerSecond(t0, seen.processed(), seen.disturbed());
        OptionalLong t4 = baseline.isPresent() ? throughputBack(t0, seen.processed(), baseline.getAsDouble())
                : OptionalLong.empty();
        OptionalLong detected = kind == FaultKind.TASKMANAGER_KILL || kind == FaultKind.TASKMANAGER_FREEZE
                ? seen.failuresRecorded().stream().mapToLong(Long::longValue).filter(at -> at >= t0).min()
                : OptionalLong.empty();
        switch (kind) {
            case REDIS_STALL:
            case REDIS_RESTART:
            case REDIS_BLACKHOLE:
                return new RecoveryClock(t0, t1, t2, t3, t4,
                        firstIncreaseAfter(seen.committed(), t0, ended), "first commit after Redis came back", baseline, detected);
            case REDIS_REPLY_LOST:
                return new RecoveryClock(t0, t1, t2, t3, t4, firstIncreaseAfter(seen.committed(), t0, ended),
                        "first commit after the lost reply", baseline, detected);
            case REDIS_RESET:
                return new RecoveryClock(t0, t1, t2, t3, t4, firstIncreaseAfter(seen.committed(), t0, ended),
                        "first commit after the connections were reset", baseline, detected);
            case KAFKA_BLACKHOLE:
                return new RecoveryClock(t0, t1, t2, t3, t4, firstIncreaseAfter(seen.processed(), ended, ended),
                        "first record processed after the broker's traffic flowed again", baseline, detected);
            case KAFKA_LATENCY:
                return new RecoveryClock(t0, t1, t2, t3, t4, firstIncreaseAfter(seen.processed(), ended, ended),
                        "first record processed after the latency was removed", baseline, detected);
            case JOBMANAGER_FAILOVER:
                // The new JobMaster's attempts are numbered from 0 again, like the job's first ones: the tap's
                // first records cannot tell them apart, so recovery is the first record processed once its
                // tasks ran (T1 from the JobManager's own timestamps).
                OptionalLong afterRestart = t1.isPresent()
                        ? firstIncreaseAfter(seen.processed(), t1.getAsLong(), t1.getAsLong())
                        : OptionalLong.empty();
                return new RecoveryClock(t0, t1, t2, t3, t4, afterRestart,
                        "first record processed after the new JobMaster's tasks ran (T1)", baseline, detected);
            case KAFKA_RESET:
                return new RecoveryClock(t0, t1, t2, t3, t4, firstIncreaseAfter(seen.processed(), t0, t0),
                        "first record processed after the connections were reset", baseline, detected);
            case PROCESS_KILL:
                return new RecoveryClock(t0, t1, t2, t3, t4, t2, "first record of the resumed job (T2)", baseline, detected);
            case RESCALE:
                return new RecoveryClock(t0, t1, t2, t3, t4, t2, "first record of the job restarted from the savepoint (T2)",
                        baseline, detected);
            case ROLLBACK:
                return new RecoveryClock(t0, t1, t2, t3, t4, t2,
                        "first record of the job restored from the older checkpoint (T2)", baseline, detected);
            case POISON:
                OptionalLong checkpointAfterRead = seen.poisonReadAt().isPresent()
                        ? firstCheckpointTriggeredFrom(seen.checkpoints(), seen.poisonReadAt().getAsLong())
                        : OptionalLong.empty();
                return new RecoveryClock(t0, t1, t2, t3, t4, checkpointAfterRead,
                        "first checkpoint after the poison was read and set aside", baseline, detected);
            case BROKER_RESTART:
                if (seen.brokerServed().isEmpty()) {
                    // A broker in a container: no served-bytes metric to tell a fresh fetch from a buffered one.
                    return new RecoveryClock(t0, t1, t2, t3, t4, firstIncreaseAfter(seen.processed(), ended, ended),
                            "first record processed after the restarted broker was back (no served-bytes metric of "
                                    + "its own: a record fetched before the restart would count)", baseline, detected);
                }
                OptionalLong served = firstIncreaseAfter(seen.brokerServed(), ended, ended);
                OptionalLong processed = served.isPresent()
                        ? firstIncreaseAfter(seen.processed(), served.getAsLong(), served.getAsLong())
                        : OptionalLong.empty();
                return new RecoveryClock(t0, t1, t2, t3, t4, processed,
                        "first record processed after the restarted broker served records", baseline, detected);
            case BROKER_LEADER_KILL:
                return new RecoveryClock(t0, t1, t2, t3, t4, seen.countedFromNewLeadersAt(),
                        "first commit, on every partition the killed broker led, of a record sent after new leaders "
                                + "were elected", baseline, detected);
            case TASKMANAGER_FREEZE:
                if (t2.isPresent() || detected.isPresent()) {
                    return new RecoveryClock(t0, t1, t2, t3, t4, t2,
                            "first record of a restarted attempt (T2): Flink declared the frozen TaskManager lost",
                            baseline, detected);
                }
                // Thawed before its heartbeat timed out: nothing failed over, its tasks simply went on.
                return new RecoveryClock(t0, t1, t2, t3, t4, firstIncreaseAfter(seen.processed(), ended, ended),
                        "first record processed after the thaw (thawed before its heartbeat timed out: no failover)",
                        baseline, detected);
            default:
                return new RecoveryClock(t0, t1, t2, t3, t4, t2, "first record of a restarted attempt (T2)", baseline, detected);
        }
    }

    /** The completion time of the earliest checkpoint triggered at or after {@code from} that completed. */
    static OptionalLong firstCheckpointTriggeredFrom(List<CheckpointTimes> checkpoints, long from) {
        return checkpoints.stream().filter(c -> c.triggeredAtMillis() >= from)
                .min(Comparator.comparingLong(CheckpointTimes::triggeredAtMillis))
                .map(c -> OptionalLong.of(c.completedAtMillis())).orElse(OptionalLong.empty());
    }

    /**
     * The first sample time at or after {@code from} whose count exceeds the count at {@code reference}
     * (the last sample at or before it); empty when there is no such sample.
     */
    static OptionalLong firstIncreaseAfter(List<long[]> samples, long reference, long from) {
        long base = -1;
        for (long[] sample : samples) {
            if (sample[0] <= reference) {
                base = sample[1];
            }
        }
        if (base < 0) {
            return OptionalLong.empty();
        }
        for (long[] sample : samples) {
            if (sample[0] >= from && sample[1] > base) {
                return OptionalLong.of(sample[0]);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The rate of the latest {@link #BASELINE_MS} window ending at or before T0 that overlaps no disturbed span
     * and starts once records flow (the count at its start is above 0), in records per second; empty when
     * there is no such window or nothing flowed in it.
     */
    static OptionalDouble baselinePerSecond(long t0, List<long[]> samples, List<Interval> disturbed) {
        List<Long> ends = new ArrayList<>();
        ends.add(t0);
        for (Interval span : disturbed) {
            if (span.fromMillis() < t0) {
                ends.add(span.fromMillis());
            }
        }
        ends.sort(Comparator.reverseOrder());
        for (long end : ends) {
            long start = end - BASELINE_MS;
            if (disturbed.stream().anyMatch(span -> span.overlaps(start, end))) {
                continue;
            }
            OptionalLong before = countAt(samples, start);
            OptionalLong at = countAt(samples, end);
            if (before.isEmpty() || at.isEmpty() || before.getAsLong() <= 0) {
                continue;
            }
            double rate = (at.getAsLong() - before.getAsLong()) * 1000.0 / BASELINE_MS;
            if (rate > 0) {
                return OptionalDouble.of(rate);
            }
        }
        return OptionalDouble.empty();
    }

    /** The end of the first window starting at or after T0 whose rate is back to 90 % of the baseline. */
    static OptionalLong throughputBack(long t0, List<long[]> samples, double baselinePerSecond) {
        for (long[] sample : samples) {
            long start = sample[0];
            if (start < t0) {
                continue;
            }
            OptionalLong end = countAt(samples, start + RATE_WINDOW_MS);
            if (end.isEmpty()) {
                break;
            }
            double rate = (end.getAsLong() - sample[1]) * 1000.0 / RATE_WINDOW_MS;
            if (rate >= RECOVERED_FRACTION * baselinePerSecond) {
                return OptionalLong.of(start + RATE_WINDOW_MS);
            }
        }
        return OptionalLong.empty();
    }

    /** The count at {@code time}, linearly interpolated between samples; empty outside the samples. */
    static OptionalLong countAt(List<long[]> samples, long time) {
        for (int i = 1; i < samples.size(); i++) {
            long[] a = samples.get(i - 1);
            long[] b = samples.get(i);
            if (a[0] <= time && time <= b[0]) {
                if (b[0] == a[0]) {
                    return OptionalLong.of(b[1]);
                }
                return OptionalLong.of(a[1] + (b[1] - a[1]) * (time - a[0]) / (b[0] - a[0]));
            }
        }
        return OptionalLong.empty();
    }

    /** Ti − T0 in ms, or empty. */
    public static OptionalLong since(long t0, OptionalLong t) {
        return t.isPresent() ? OptionalLong.of(t.getAsLong() - t0) : OptionalLong.empty();
    }

    /** The recovery time: {@code recovered − T0} (see the class comment for what recovered means per kind). */
    public OptionalLong recoveryMillis() {
        return since(t0, recovered);
    }
}
