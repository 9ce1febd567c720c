package io.streamstress.checkpoints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;

/**
 * Collects completed checkpoints from repeated {@link CheckpointStatsSnapshot}s (the JobManager keeps only a
 * short history, so call {@link #observe} more often than checkpoints complete). Thread-safe.
 */
public final class CheckpointObserver {

    /**
     * By trigger time, then id: a job restored from an older checkpoint numbers its checkpoints from there, so
     * an id alone may name two checkpoints of one run.
     */
    private final Set<CompletedCheckpoint> completed = new TreeSet<>(
            Comparator.comparingLong(CompletedCheckpoint::triggeredAtMillis).thenComparingLong(CompletedCheckpoint::id));
    private long failed;
    /** Failed checkpoints of earlier jobs of the same run (a resumed run's killed process, a replaced job). */
    private long failedBefore;

    /** Adds what {@code snapshot} shows that was not seen before. */
    public synchronized void observe(CheckpointStatsSnapshot snapshot) {
        observe(completedIn(snapshot), snapshot.getCounts().getNumberOfFailedCheckpoints());
    }

    /**
     * The completed checkpoints of {@code snapshot}'s history. Savepoints are left out: a rescale's
     * stop-with-savepoint is the fault itself, not a checkpoint of the job's recovery (T3).
     */
    public static List<CompletedCheckpoint> completedIn(CheckpointStatsSnapshot snapshot) {
        List<CompletedCheckpoint> listed = new ArrayList<>();
        for (AbstractCheckpointStats stats : snapshot.getHistory().getCheckpoints()) {
            if (stats.getStatus() == CheckpointStatsStatus.COMPLETED && !stats.getProperties().isSavepoint()) {
                listed.add(new CompletedCheckpoint(stats.getCheckpointId(), stats.getTriggerTimestamp(),
                        stats.getLatestAckTimestamp(), stats.getEndToEndDuration(), stats.getStateSize()));
            }
        }
        return listed;
    }

    /**
     * Adds the completed checkpoints the JobManager lists now (its statistics, by REST or from the execution
     * graph) that were not seen before.
     *
     * @param listed completed checkpoints the JobManager's history holds now
     * @param failedCount failed checkpoints of this job, as the JobManager counts them
     */
    public synchronized void observe(List<CompletedCheckpoint> listed, long failedCount) {
        completed.addAll(listed);
        failed = Math.max(failed, failedBefore + failedCount);
    }

    /**
     * The job was replaced by a new one of the same run (restored from a savepoint or an older checkpoint),
     * whose JobManager counts its failed checkpoints from 0 again: those seen so far are kept and added to.
     */
    public synchronized void jobReplaced() {
        failedBefore = failed;
    }

    /**
     * Starts from what an earlier job of the same run observed (a run resumed after its process was killed):
     * its completed checkpoints are kept, and its failed ones add to this job's.
     */
    public synchronized void seed(List<CompletedCheckpoint> earlier, long earlierFailed) {
        completed.addAll(earlier);
        failedBefore = earlierFailed;
        failed = Math.max(failed, earlierFailed);
    }

    /** Completed checkpoints seen so far, in the order they were triggered. */
    public synchronized List<CompletedCheckpoint> completed() {
        return new ArrayList<>(completed);
    }

    /**
     * Checkpoints triggered after {@code millis} that completed: progress made since then. A checkpoint that was
     * in flight at {@code millis} and completed later does not count: its state was taken before.
     */
    public synchronized long triggeredAndCompletedAfter(long millis) {
        return completed.stream().filter(c -> c.triggeredAtMillis() > millis).count();
    }

    /** Failed checkpoints, as the JobManager counts them. */
    public synchronized long failed() {
        return failed;
    }
}
