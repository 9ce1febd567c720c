package io.streamstress.chaos.clock;

import io.streamstress.chaos.plan.FaultKind;
import java.util.List;
import java.util.OptionalLong;

/**
 * The clocks of one fault, from T0 = the injection instant (wall-clock ms): T1 the restarted tasks are
 * RUNNING again, T2 a restarted attempt processed its first record, T3 the first checkpoint completed after
 * T0, T4 throughput is back to at least {@link #RECOVERED_FRACTION} of the rate before the fault (over
 * {@link #RATE_WINDOW_MS} windows). T1 and T2 exist only for faults that restart tasks; a clock that was not
 * reached before the run ended is empty.
 *
 * <p>{@code recovered} is when the pipeline did again what the fault stopped, by kind: a task fault when a
 * restarted attempt processed its first record (T2); a Redis fault when a commit was applied after Redis
 * came back (checkpoints complete without Redis, so T3 would not see the outage); a broker fault when records
 * were read again after the broker came back; a process kill when the resumed job processed its first record
 * (T1 and T2 then are the resumed job's tasks RUNNING and first record); poison when the job, which sets
 * it aside without failing, completed its next checkpoint (T3).
 */
public record RecoveryClock(
        long t0, OptionalLong t1, OptionalLong t2, OptionalLong t3, OptionalLong t4, OptionalLong recovered, String basis) {

    public static final double RECOVERED_FRACTION = 0.9;
    public static final long RATE_WINDOW_MS = 1_000;
    /** The pre-fault rate is taken over this long before T0. */
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
        boolean restarts = kind.restartsTasks() || kind == FaultKind.PROCESS_KILL;
        OptionalLong t1 = restarts
                ? seen.restartedRunningAt().stream().filter(t -> t >= t0).mapToLong(Long::longValue).max()
                : OptionalLong.empty();
        OptionalLong t2 = restarts
                ? seen.firstRecordsAt().stream().filter(t -> t >= t0).mapToLong(Long::longValue).min()
                : OptionalLong.empty();
        OptionalLong t3 = seen.checkpointsCompletedAt().stream().filter(t -> t > t0).mapToLong(Long::longValue).min();
        OptionalLong t4 = throughputBack(t0, seen.processed());
        switch (kind) {
            case REDIS_STALL:
            case REDIS_RESTART:
                return new RecoveryClock(t0, t1, t2, t3, t4,
                        firstIncreaseAfter(seen.committed(), t0, ended), "first commit after Redis came back");
            case PROCESS_KILL:
                return new RecoveryClock(t0, t1, t2, t3, t4, t2, "first record of the resumed job (T2)");
            case POISON:
                return new RecoveryClock(t0, t1, t2, t3, t4, t3, "first checkpoint after the poison (T3)");
            case BROKER_RESTART:
                return new RecoveryClock(t0, t1, t2, t3, t4,
                        firstIncreaseAfter(seen.processed(), ended, ended), "first record read after the broker came back");
            default:
                return new RecoveryClock(t0, t1, t2, t3, t4, t2, "first record of a restarted attempt (T2)");
        }
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

    /** The end of the first window starting at or after T0 whose rate is back to 90 % of the baseline. */
    static OptionalLong throughputBack(long t0, List<long[]> samples) {
        OptionalLong before = countAt(samples, t0 - BASELINE_MS);
        OptionalLong at = countAt(samples, t0);
        if (before.isEmpty() || at.isEmpty()) {
            return OptionalLong.empty();
        }
        double baseline = (at.getAsLong() - before.getAsLong()) / (double) BASELINE_MS;
        if (baseline <= 0) {
            return OptionalLong.empty();
        }
        for (long[] sample : samples) {
            long start = sample[0];
            if (start < t0) {
                continue;
            }
            OptionalLong end = countAt(samples, start + RATE_WINDOW_MS);
            if (end.isEmpty()) {
                break;
            }
            double rate = (end.getAsLong() - sample[1]) / (double) RATE_WINDOW_MS;
            if (rate >= RECOVERED_FRACTION * baseline) {
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
