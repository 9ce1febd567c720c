package io.streamstress.chaos.probe.jvm;

import io.streamstress.chaos.probe.FirstRecord;
import io.streamstress.chaos.probe.PoisonRead;
import io.streamstress.chaos.probe.ProbeAttempt;
import io.streamstress.chaos.probe.ProbeWriter;
import io.streamstress.chaos.probe.Thrown;
import java.util.concurrent.atomic.LongAdder;

/** One attempt's in-JVM writer: every call goes straight to {@link JvmProbeState}; nothing to flush. */
final class JvmProbeWriter implements ProbeWriter {

    private final ProbeAttempt attempt;
    private final LongAdder processed;

    JvmProbeWriter(ProbeAttempt attempt) {
        this.attempt = attempt;
        this.processed = JvmProbeState.counter(attempt.subtask(), attempt.taskManager());
    }

    @Override
    public void processed() {
        processed.increment();
    }

    @Override
    public void latency(long fromProducedMicros, long fromIntendedMicros) {
        JvmProbeState.LATENCY.recordValue(Math.max(0, fromProducedMicros));
        JvmProbeState.LATENCY_INTENDED.recordValue(Math.max(0, fromIntendedMicros));
    }

    @Override
    public void firstRecord(long atMillis) {
        JvmProbeState.FIRST_RECORDS.add(new FirstRecord(attempt.subtask(), attempt.attempt(), atMillis));
    }

    @Override
    public void poisonRead(int partition, long offset, long atMillis) {
        JvmProbeState.POISON_READ.add(new PoisonRead(partition, offset, atMillis));
    }

    @Override
    public boolean mayBeArmed() {
        return JvmProbeState.isArmed(attempt.subtask());
    }

    @Override
    public boolean takeArm() {
        return JvmProbeState.take(attempt.subtask());
    }

    @Override
    public void thrown(long atMillis, long recordsSinceBarrier) {
        JvmProbeState.THROWN.add(new Thrown(attempt.subtask(), attempt.attempt(), atMillis, recordsSinceBarrier));
    }

    @Override
    public void barrier() {
        // Everything is visible already.
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
