package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.FaultKind;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Passes records through and makes a chosen subtask throw, FailureMapper-style: only after a checkpoint
 * completed in the current attempt and at least {@code minRecordsAfterCheckpoint} records were processed
 * since the last checkpoint barrier (so there is work past every checkpoint that recovery must replay), and
 * only in the first {@code failures} attempts of that subtask (so the job always finishes).
 *
 * <p>The count restarts at the barrier ({@link #snapshotState}), not at the completion notice: the notice
 * arrives asynchronously, and a checkpoint may complete after a barrier without this subtask having heard of
 * it yet, in which case records counted since the notice could all precede the newest checkpoint.
 */
public final class TaskFailureInjector<T> extends RichMapFunction<T, T>
        implements CheckpointListener, CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private final int[] failuresPerSubtask;
    private final long minRecordsAfterCheckpoint;

    private transient int subtask;
    private transient int attempt;
    private transient boolean armed;
    private transient boolean checkpointCompleted;
    private transient long recordsSinceCheckpoint;

    /**
     * @param failuresPerSubtask how many times each subtask throws (index = subtask)
     * @param minRecordsAfterCheckpoint records to process after the last checkpoint barrier before throwing
     */
    public TaskFailureInjector(int[] failuresPerSubtask, long minRecordsAfterCheckpoint) {
        this.failuresPerSubtask = failuresPerSubtask.clone();
        this.minRecordsAfterCheckpoint = minRecordsAfterCheckpoint;
    }

    @Override
    public void open(OpenContext openContext) {
        subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
        armed = subtask < failuresPerSubtask.length && attempt < failuresPerSubtask[subtask];
    }

    @Override
    public T map(T value) {
        if (armed) {
            recordsSinceCheckpoint++;
            if (checkpointCompleted && recordsSinceCheckpoint >= minRecordsAfterCheckpoint) {
                armed = false;
                FaultJournal.record(new InjectedFault(
                        FaultKind.TASK_EXCEPTION, subtask, attempt, System.currentTimeMillis(), recordsSinceCheckpoint));
                throw new InjectedTaskFailure(subtask, attempt);
            }
        }
        return value;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        recordsSinceCheckpoint = 0;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        // No state: the attempt number caps the failures, so nothing must survive a restore.
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointCompleted = true;
    }
}
