package io.streamstress.redis.sink.internal;

import java.util.Arrays;

/**
 * What one writer saw of one partition between two commits.
 *
 * @param partition the source partition
 * @param count records seen
 * @param ranges contiguous sequence ranges seen, as {@code first0, last0, first1, last1, …} (inclusive)
 * @param poison poison records seen (not in {@code count})
 */
public record PartitionDelta(int partition, long count, long[] ranges, long poison) {

    /** A delta without poison. */
    public PartitionDelta(int partition, long count, long[] ranges) {
        this(partition, count, ranges, 0);
    }

    public PartitionDelta {
        if (ranges.length % 2 != 0) {
            throw new IllegalArgumentException("ranges must come in first/last pairs");
        }
    }

    /** The ranges as {@code first-last;first-last…}, the form the commit script stores. */
    public String rangesAsText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ranges.length; i += 2) {
            if (i > 0) {
                text.append(';');
            }
            text.append(ranges[i]).append('-').append(ranges[i + 1]);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionDelta other
                && partition == other.partition
                && count == other.count
                && poison == other.poison
                && Arrays.equals(ranges, other.ranges);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * partition + Long.hashCode(count)) + Arrays.hashCode(ranges)) + Long.hashCode(poison);
    }

    @Override
    public String toString() {
        return "PartitionDelta[partition=" + partition + ", count=" + count + ", ranges=" + rangesAsText()
                + ", poison=" + poison + "]";
    }
}
