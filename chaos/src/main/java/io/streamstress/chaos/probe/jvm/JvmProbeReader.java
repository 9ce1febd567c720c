package io.streamstress.chaos.probe.jvm;

import io.streamstress.chaos.probe.FirstRecord;
import io.streamstress.chaos.probe.PoisonReads;
import io.streamstress.chaos.probe.ProbeReader;
import io.streamstress.chaos.probe.Thrown;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/** The in-JVM channel's reader: reads {@link JvmProbeState} directly, always up to date. */
final class JvmProbeReader implements ProbeReader {

    @Override
    public long processedCount() {
        return JvmProbeState.processedCount();
    }

    @Override
    public Map<Integer, Long> processedPerSubtask() {
        return JvmProbeState.processedPerSubtask();
    }

    @Override
    public Map<String, Long> processedPerTaskManager() {
        return JvmProbeState.processedPerTaskManager();
    }

    @Override
    public List<Thrown> thrown() {
        return List.copyOf(JvmProbeState.THROWN);
    }

    @Override
    public List<FirstRecord> firstRecords() {
        return List.copyOf(JvmProbeState.FIRST_RECORDS);
    }

    @Override
    public OptionalLong poisonReadAt(int partition, long count) {
        return PoisonReads.readAt(JvmProbeState.POISON_READ, partition, count);
    }

    @Override
    public Histogram latencySinceLastCall() {
        return JvmProbeState.LATENCY.getIntervalHistogram();
    }

    @Override
    public Histogram intendedLatencySinceLastCall() {
        return JvmProbeState.LATENCY_INTENDED.getIntervalHistogram();
    }

    @Override
    public void arm(int subtask) {
        JvmProbeState.arm(subtask);
    }

    @Override
    public void disarm() {
        JvmProbeState.disarm();
    }

    @Override
    public void reset() {
        JvmProbeState.reset();
    }

    @Override
    public void close() {
        // The statics outlive readers.
    }
}
