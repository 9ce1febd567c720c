package io.streamstress.chaos.inject;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the {@link ChaosTap}s observe inside the job, for the harness: records processed, failures thrown,
 * and the first record of every attempt (for a restarted one, the end of recovery, T2). JVM-wide: with a MiniCluster
 * the harness and the tasks share it; on a remote cluster it stays in the TaskManagers.
 */
public final class JobProbe {

    /** A subtask threw on purpose. */
    public record Thrown(int subtask, int attempt, long atMillis, long recordsSinceBarrier) {}

    /** An attempt (restarted, or the first of a resumed job) processed its first record. */
    public record FirstRecord(int subtask, int attempt, long atMillis) {}

    private static final LongAdder PROCESSED = new LongAdder();
    /** Processing latency in µs: produce timestamp → the record reaches the sink. */
    private static final Recorder LATENCY = new Recorder(3);
    private static final Map<Integer, LongAdder> PER_SUBTASK = new ConcurrentHashMap<>();
    private static final List<Thrown> THROWN = new CopyOnWriteArrayList<>();
    private static final List<FirstRecord> FIRST_RECORDS = new CopyOnWriteArrayList<>();

    private JobProbe() {}

    static void processed() {
        PROCESSED.increment();
    }

    /** The per-subtask counter a tap adds to (it keeps the reference: no map lookup per record). */
    static LongAdder subtaskCounter(int subtask) {
        return PER_SUBTASK.computeIfAbsent(subtask, s -> new LongAdder());
    }

    /** Records each subtask processed, replays included. */
    public static Map<Integer, Long> processedPerSubtask() {
        Map<Integer, Long> counts = new TreeMap<>();
        PER_SUBTASK.forEach((subtask, adder) -> counts.put(subtask, adder.sum()));
        return counts;
    }

    static void thrown(Thrown thrown) {
        THROWN.add(thrown);
    }

    static void firstRecord(FirstRecord first) {
        FIRST_RECORDS.add(first);
    }

    static void latencyMicros(long micros) {
        LATENCY.recordValue(Math.max(0, micros));
    }

    /** The processing latencies recorded since the last call (or reset), in µs. */
    public static Histogram latencySinceLastCall() {
        return LATENCY.getIntervalHistogram();
    }

    /** Records that passed the taps so far, replays included. */
    public static long processedCount() {
        return PROCESSED.sum();
    }

    public static List<Thrown> thrown() {
        return List.copyOf(THROWN);
    }

    public static List<FirstRecord> firstRecords() {
        return List.copyOf(FIRST_RECORDS);
    }

    /** Forgets everything (a new run in the same JVM). */
    public static void reset() {
        PROCESSED.reset();
        LATENCY.reset();
        PER_SUBTASK.clear();
        THROWN.clear();
        FIRST_RECORDS.clear();
        TaskFailureSwitch.reset();
    }
}
