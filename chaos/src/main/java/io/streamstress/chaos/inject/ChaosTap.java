package io.streamstress.chaos.inject;

import io.streamstress.chaos.probe.ProbeAttempt;
import io.streamstress.chaos.probe.ProbeChannel;
import io.streamstress.chaos.probe.ProbeWriter;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * The job's observation and fault point, chained between source and sink. It passes records through,
 * counts them per subtask and TaskManager, samples their latency, notes the first record of every attempt and
 * the poison it reads, all through the {@link ProbeChannel} it carries, and throws when the harness armed its
 * subtask — FailureMapper-style, but only once a checkpoint completed in this attempt and at least
 * {@code minRecordsPastBarrier} records passed the last checkpoint barrier, so that recovery always has work
 * past every checkpoint to replay.
 *
 * <p>The count restarts at the barrier ({@link #snapshotState}), not at the completion notice: the notice
 * arrives asynchronously, and a checkpoint may complete after a barrier without this subtask having heard of
 * it yet, in which case records counted since the notice could all precede the newest checkpoint.
 */
public final class ChaosTap<T> extends RichMapFunction<T, T> implements CheckpointListener, CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    /**
     * One record in {@code LATENCY_SAMPLE_MASK + 1} has its latency recorded: sampling keeps the histogram's
     * writes (and the clock read) off most records.
     */
    public static final int LATENCY_SAMPLE_MASK = 15;

    /** Where the TaskManager's resource id stands among a metric group's variables. */
    static final String TASK_MANAGER_ID_VARIABLE = "<tm_id>";

    private final ProbeChannel probe;
    private final long minRecordsPastBarrier;
    private final ProducedAt<T> producedAt;
    private final ProducedAt<T> intendedAt;
    private final PoisonOffset<T> poisonOffset;

    /** A record's produce timestamp, or the time it was due by the producer's schedule, in µs since the epoch. */
    @FunctionalInterface
    public interface ProducedAt<T> extends Serializable {
        long micros(T record);
    }

    /**
     * Where a poison record was read, for the harness to see when the job has read each poison record: its
     * partition and Kafka offset, with {@code -1} as the offset of a record that is not poison.
     */
    public interface PoisonOffset<T> extends Serializable {
        int partition(T record);

        long offset(T record);
    }

    private transient int subtask;
    private transient int attempt;
    private transient boolean firstRecordPending;
    private transient boolean checkpointCompleted;
    private transient long recordsSinceBarrier;
    private transient ProbeWriter writer;
    private transient long sampleCounter;

    /**
     * @param probe where the tap reports, and learns that its subtask is armed
     * @param minRecordsPastBarrier records past the last barrier before an armed failure fires
     * @param producedAt the record's produce timestamp, for the processing latency
     * @param intendedAt when the producer's schedule wanted the record sent, for the latency without
     *     coordinated omission
     * @param poisonOffset where a poison record was read (offset -1 for other records)
     */
    public ChaosTap(ProbeChannel probe, long minRecordsPastBarrier, ProducedAt<T> producedAt,
            ProducedAt<T> intendedAt, PoisonOffset<T> poisonOffset) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.minRecordsPastBarrier = minRecordsPastBarrier;
        this.producedAt = producedAt;
        this.intendedAt = intendedAt;
        this.poisonOffset = poisonOffset;
    }

    @Override
    public void open(OpenContext openContext) {
        subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
        firstRecordPending = true;
        String taskManager = getRuntimeContext().getMetricGroup().getAllVariables()
                .getOrDefault(TASK_MANAGER_ID_VARIABLE, "unknown");
        writer = probe.open(new ProbeAttempt(subtask, attempt, taskManager));
    }

    @Override
    public T map(T value) {
        writer.processed();
        if ((++sampleCounter & LATENCY_SAMPLE_MASK) == 0) {
            long produced = producedAt.micros(value);
            if (produced > 0) {
                long now = System.currentTimeMillis() * 1_000L;
                writer.latency(now - produced, now - intendedAt.micros(value));
            }
        }
        recordsSinceBarrier++;
        long poisonAt = poisonOffset.offset(value);
        if (poisonAt >= 0) {
            writer.poisonRead(poisonOffset.partition(value), poisonAt, System.currentTimeMillis());
        }
        if (firstRecordPending) {
            firstRecordPending = false;
            writer.firstRecord(System.currentTimeMillis());
        }
        if (checkpointCompleted && recordsSinceBarrier >= minRecordsPastBarrier
                && writer.mayBeArmed() && writer.takeArm()) {
            writer.thrown(System.currentTimeMillis(), recordsSinceBarrier);
            throw new InjectedTaskFailure(subtask, attempt);
        }
        return value;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        recordsSinceBarrier = 0;
        writer.barrier();
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        // No state: what to throw is decided by the harness, per attempt.
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointCompleted = true;
    }

    /** Sends the attempt's last figures (bounded wait): a finished bounded job's final counts must be there. */
    @Override
    public void close() throws Exception {
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            super.close();
        }
    }
}
