package io.streamstress.chaos.probe.jvm;

import io.streamstress.chaos.probe.FirstRecord;
import io.streamstress.chaos.probe.PoisonRead;
import io.streamstress.chaos.probe.Thrown;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * What the taps of this JVM observed, and the subtasks armed to throw: JVM-wide statics that the
 * {@link JvmProbeWriter}s write and the {@link JvmProbeReader} reads.
 */
final class JvmProbeState {

    /** Processing latency in µs: produce timestamp → the record reaches the tap (all subtasks of the JVM). */
    static final Recorder LATENCY = new Recorder(3);
    /** The same from the producer's intended send time (its schedule), which a stalled producer cannot hide. */
    static final Recorder LATENCY_INTENDED = new Recorder(3);
    /** Records processed: one counter per (subtask, TaskManager id). */
    static final Map<Placement, LongAdder> PER_PLACEMENT = new ConcurrentHashMap<>();
    static final List<Thrown> THROWN = new CopyOnWriteArrayList<>();
    static final List<FirstRecord> FIRST_RECORDS = new CopyOnWriteArrayList<>();
    static final List<PoisonRead> POISON_READ = new CopyOnWriteArrayList<>();

    private static final ConcurrentHashMap<Integer, AtomicInteger> ARMED = new ConcurrentHashMap<>();
    private static volatile boolean anyArmed;

    /** Where an attempt ran: its subtask and the id of the TaskManager that hosted it. */
    record Placement(int subtask, String taskManager) {}

    private JvmProbeState() {}

    /** The counter a writer adds to (it keeps the reference: no map lookup per record). */
    static LongAdder counter(int subtask, String taskManager) {
        return PER_PLACEMENT.computeIfAbsent(new Placement(subtask, taskManager), p -> new LongAdder());
    }

    static Map<Integer, Long> processedPerSubtask() {
        Map<Integer, Long> counts = new TreeMap<>();
        PER_PLACEMENT.forEach((placement, adder) -> counts.merge(placement.subtask(), adder.sum(), Long::sum));
        return counts;
    }

    static Map<String, Long> processedPerTaskManager() {
        Map<String, Long> counts = new TreeMap<>();
        PER_PLACEMENT.forEach((placement, adder) -> counts.merge(placement.taskManager(), adder.sum(), Long::sum));
        return counts;
    }

    static long processedCount() {
        long sum = 0;
        for (LongAdder adder : PER_PLACEMENT.values()) {
            sum += adder.sum();
        }
        return sum;
    }

    static void arm(int subtask) {
        ARMED.computeIfAbsent(subtask, s -> new AtomicInteger()).incrementAndGet();
        anyArmed = true;
    }

    /** Whether {@code subtask} has an arm pending (cheap: one volatile read when nothing is armed). */
    static boolean isArmed(int subtask) {
        if (!anyArmed) {
            return false;
        }
        AtomicInteger arms = ARMED.get(subtask);
        return arms != null && arms.get() > 0;
    }

    /** Takes one arm of {@code subtask}; false when there was none. */
    static boolean take(int subtask) {
        AtomicInteger arms = ARMED.get(subtask);
        return arms != null && arms.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    static void disarm() {
        ARMED.clear();
        anyArmed = false;
    }

    static void reset() {
        LATENCY.reset();
        LATENCY_INTENDED.reset();
        PER_PLACEMENT.clear();
        THROWN.clear();
        FIRST_RECORDS.clear();
        POISON_READ.clear();
        disarm();
    }
}
