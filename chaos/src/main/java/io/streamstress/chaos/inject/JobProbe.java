package io.streamstress.chaos.inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

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

    /** The job read a poison record (replays read it again). */
    public record PoisonRead(int partition, long offset, long atMillis) {}

    /** Processing latency in µs: produce timestamp → the record reaches the sink. */
    private static final Recorder LATENCY = new Recorder(3);
    /** The same from the producer's intended send time (its schedule), which a stalled producer cannot hide. */
    private static final Recorder LATENCY_INTENDED = new Recorder(3);
    /** Records processed per subtask and TaskManager: one counter per (subtask, TaskManager id). */
    private static final Map<Placement, LongAdder> PER_PLACEMENT = new ConcurrentHashMap<>();
    private static final List<Thrown> THROWN = new CopyOnWriteArrayList<>();
    private static final List<FirstRecord> FIRST_RECORDS = new CopyOnWriteArrayList<>();
    private static final List<PoisonRead> POISON_READ = new CopyOnWriteArrayList<>();

    /** Where an attempt ran: its subtask and the id of the TaskManager that hosted it. */
    private record Placement(int subtask, String taskManager) {}

    private JobProbe() {}

    /**
     * The counter a tap adds to for a subtask running on a TaskManager (it keeps the reference: no map lookup
     * per record).
     */
    static LongAdder counter(int subtask, String taskManager) {
        return PER_PLACEMENT.computeIfAbsent(new Placement(subtask, taskManager), p -> new LongAdder());
    }

    /** Records each subtask processed, replays included. */
    public static Map<Integer, Long> processedPerSubtask() {
        Map<Integer, Long> counts = new TreeMap<>();
        PER_PLACEMENT.forEach((placement, adder) -> counts.merge(placement.subtask(), adder.sum(), Long::sum));
        return counts;
    }

    /** Records each TaskManager processed (by its resource id), replays included. */
    public static Map<String, Long> processedPerTaskManager() {
        Map<String, Long> counts = new TreeMap<>();
        PER_PLACEMENT.forEach((placement, adder) -> counts.merge(placement.taskManager(), adder.sum(), Long::sum));
        return counts;
    }

    static void thrown(Thrown thrown) {
        THROWN.add(thrown);
    }

    static void firstRecord(FirstRecord first) {
        FIRST_RECORDS.add(first);
    }

    static void poisonRead(PoisonRead read) {
        POISON_READ.add(read);
    }

    /**
     * When the job had read {@code count} different poison records of {@code partition} (each offset counted
     * once, at its first read; a replay reads it again); empty while it has read fewer.
     */
    public static OptionalLong poisonReadAt(int partition, long count) {
        Map<Long, Long> firstReadByOffset = new HashMap<>();
        for (PoisonRead read : POISON_READ) {
            if (read.partition() == partition) {
                firstReadByOffset.merge(read.offset(), read.atMillis(), Math::min);
            }
        }
        if (count <= 0 || firstReadByOffset.size() < count) {
            return OptionalLong.empty();
        }
        List<Long> times = new ArrayList<>(firstReadByOffset.values());
        Collections.sort(times);
        return OptionalLong.of(times.get((int) count - 1));
    }

    static void latencyMicros(long fromProducedMicros, long fromIntendedMicros) {
        LATENCY.recordValue(Math.max(0, fromProducedMicros));
        LATENCY_INTENDED.recordValue(Math.max(0, fromIntendedMicros));
    }

    /** The processing latencies recorded since the last call (or reset), in µs. */
    public static Histogram latencySinceLastCall() {
        return LATENCY.getIntervalHistogram();
    }

    /** The processing latencies from the intended send time recorded since the last call (or reset), in µs. */
    public static Histogram intendedLatencySinceLastCall() {
        return LATENCY_INTENDED.getIntervalHistogram();
    }

    /** Records that passed the taps so far, replays included. */
    public static long processedCount() {
        long sum = 0;
        for (LongAdder adder : PER_PLACEMENT.values()) {
            sum += adder.sum();
        }
        return sum;
    }

    public static List<Thrown> thrown() {
        return List.copyOf(THROWN);
    }

    public static List<FirstRecord> firstRecords() {
        return List.copyOf(FIRST_RECORDS);
    }

    /** Forgets everything (a new run in the same JVM). */
    public static void reset() {
        LATENCY.reset();
        LATENCY_INTENDED.reset();
        PER_PLACEMENT.clear();
        THROWN.clear();
        FIRST_RECORDS.clear();
        POISON_READ.clear();
        TaskFailureSwitch.reset();
    }
}
