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

    /** Adds what {@code snapshot} shows that was not seen before. */
    public synchronized void observe(CheckpointStatsSnapshot snapshot) {
        for (AbstractCheckpointStats stats : snapshot.getHistory().getCheckpoints()) {
            if (stats.getStatus() == CheckpointStatsStatus.COMPLETED && !completed.containsKey(stats.getCheckpointId())) {
                completed.put(stats.getCheckpointId(), new CompletedCheckpoint(stats.getCheckpointId(),
                        stats.getTriggerTimestamp(), stats.getLatestAckTimestamp(), stats.getEndToEndDuration(),
                        stats.getStateSize()));
            }
        }
        failed = Math.max(failed, snapshot.getCounts().getNumberOfFailedCheckpoints());
    }

    /** Completed checkpoints seen so far, by id. */
    public synchronized List<CompletedCheckpoint> completed() {
        return new ArrayList<>(completed.values());
    }

    /** Checkpoints that completed after {@code millis}. */
    public synchronized long completedAfter(long millis) {
        return completed.values().stream().filter(c -> c.completedAtMillis() > millis).count();
    }

    /** Failed checkpoints, as the JobManager counts them. */
    public synchronized long failed() {
        return failed;
    }
}
