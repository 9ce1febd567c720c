package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.FaultKind;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through and makes a chosen subtask throw, FailureMapper-style: only after a checkpoint
 * completed in the current attempt and at least {@code minRecordsAfterCheckpoint} records were processed
 * since it (so there is uncommitted work to recover), and only in the first {@code failures} attempts of
 * that subtask (so the job always finishes).
 */
public final class TaskFailureInjector<T> extends RichMapFunction<T, T> implements CheckpointListener {

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
     * @param minRecordsAfterCheckpoint records to process after a completed checkpoint before throwing
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
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointCompleted = true;
        recordsSinceCheckpoint = 0;
    }
}
