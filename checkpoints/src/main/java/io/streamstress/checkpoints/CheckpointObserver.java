package io.streamstress.checkpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;

/**
 * Collects completed checkpoints from repeated {@link CheckpointStatsSnapshot}s (the JobManager keeps only a
 * short history, so call {@link #observe} more often than checkpoints complete). Thread-safe.
 */
public final class CheckpointObserver {

    private final Map<Long, CompletedCheckpoint> completed = new TreeMap<>();
    private long failed;
    /** Failed checkpoints of an earlier job of the same run (a resumed run's killed process). */
    private long failedBefore;

    /** Adds what {@code snapshot} shows that was not seen before. */
    public synchronized void observe(CheckpointStatsSnapshot snapshot) {
        List<CompletedCheckpoint> listed = new ArrayList<>();
        for (AbstractCheckpointStats stats : snapshot.getHistory().getCheckpoints()) {
            if (stats.getStatus() == CheckpointStatsStatus.COMPLETED) {
                listed.add(new CompletedCheckpoint(stats.getCheckpointId(), stats.getTriggerTimestamp(),
                        stats.getLatestAckTimestamp(), stats.getEndToEndDuration(), stats.getStateSize()));
            }
        }
        observe(listed, snapshot.getCounts().getNumberOfFailedCheckpoints());
    }

    /**
     * Adds the completed checkpoints the JobManager lists now (its statistics, by REST or from the execution
     * graph) that were not seen before.
     *
     * @param listed completed checkpoints the JobManager's history holds now
     * @param failedCount failed checkpoints of this job, as the JobManager counts them
     */
    public synchronized void observe(List<CompletedCheckpoint> listed, long failedCount) {
        for (CompletedCheckpoint checkpoint : listed) {
            completed.putIfAbsent(checkpoint.id(), checkpoint);
        }
        failed = Math.max(failed, failedBefore + failedCount);
    }

    /**
     * Starts from what an earlier job of the same run observed (a run resumed after its process was killed):
     * its completed checkpoints are kept, and its failed ones add to this job's.
     */
    public synchronized void seed(List<CompletedCheckpoint> earlier, long earlierFailed) {
        earlier.forEach(c -> completed.putIfAbsent(c.id(), c));
        failedBefore = earlierFailed;
        failed = Math.max(failed, earlierFailed);
    }

    /** Completed checkpoints seen so far, by id. */
    public synchronized List<CompletedCheckpoint> completed() {
        return new ArrayList<>(completed.values());
    }

    /**
     * Checkpoints triggered after {@code millis} that completed: progress made since then. A checkpoint that was
     * in flight at {@code millis} and completed later does not count: its state was taken before.
     */
    public synchronized long triggeredAndCompletedAfter(long millis) {
        return completed.values().stream().filter(c -> c.triggeredAtMillis() > millis).count();
    }

    /** Failed checkpoints, as the JobManager counts them. */
    public synchronized long failed() {
        return failed;
    }
}
