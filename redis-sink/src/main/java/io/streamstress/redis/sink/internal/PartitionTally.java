package io.streamstress.redis.sink.internal;

import java.util.Arrays;

/** Counts one partition's records and keeps the contiguous sequence ranges they cover (mutable, per writer). */
final class PartitionTally {

    private final int partition;
    private long count;
    private long[] ranges = new long[4];
    private int bounds;
    private long poison;

    PartitionTally(int partition) {
        this.partition = partition;
    }

    void add(long sequence) {
        count++;
        if (bounds > 0 && ranges[bounds - 1] + 1 == sequence) {
            ranges[bounds - 1] = sequence;
            return;
        }
        if (bounds == ranges.length) {
            ranges = Arrays.copyOf(ranges, ranges.length * 2);
        }
        ranges[bounds++] = sequence;
        ranges[bounds++] = sequence;
    }

    void addPoison() {
        poison++;
    }

    PartitionDelta toDelta() {
        return new PartitionDelta(partition, count, Arrays.copyOf(ranges, bounds), poison);
    }
}
