package io.streamstress.redis.sink.internal;

import java.util.List;

/**
 * The committable: what one writer subtask counted during one epoch. Applying it twice must have the effect
 * of applying it once, which the commit script ensures with the per-subtask epoch marker.
 *
 * @param subtask the writer subtask that produced it
 * @param epoch strictly increasing per subtask, also across restores (see {@link EpochClock})
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
