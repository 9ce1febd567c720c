package io.streamstress.redis.sink.internal;

import java.util.List;

/**
 * The committable: what one writer subtask counted during one epoch. Applying it twice must have the effect
 * of applying it once, which the commit script ensures with per-partition high-water marks (not with the
 * epoch: a job restored from an older checkpoint, or from none, numbers its epochs again from there).
 *
 * @param subtask the writer subtask that produced it
 * @param epoch strictly increasing per subtask across restores from the newest checkpoint (see
 *     {@link EpochClock}); it names the committable in logs
 * @param partitions per partition, the count and the sequence ranges
 */
public record RedisDelta(int subtask, long epoch, List<PartitionDelta> partitions) {

    public RedisDelta {
        partitions = List.copyOf(partitions);
    }

    public long count() {
        long sum = 0;
        for (PartitionDelta delta : partitions) {
            sum += delta.count();
        }
        return sum;
    }
}
