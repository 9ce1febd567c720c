package io.streamstress.redis.sink.internal;

import java.util.Arrays;

/**
 * What one writer saw of one partition between two commits.
 *
 * @param partition the source partition
 * @param count records seen
 * @param ranges contiguous sequence ranges seen, as {@code first0, last0, first1, last1, …} (inclusive)
 * @param poison poison records seen (not in {@code count})
 * @param poisonOffsets the Kafka offsets the poison was read at, as contiguous ranges like {@code ranges}; empty
 *     in a committable from a build before version 3 of {@link RedisDeltaSerializer}, which kept the count only
 */
public record PartitionDelta(int partition, long count, long[] ranges, long poison, long[] poisonOffsets) {

    private static final long[] NONE = new long[0];

    /** A delta without poison. */
    public PartitionDelta(int partition, long count, long[] ranges) {
        this(partition, count, ranges, 0, NONE);
    }

    /** A delta whose poison offsets are not known (read from a version-2 committable). */
    public PartitionDelta(int partition, long count, long[] ranges, long poison) {
        this(partition, count, ranges, poison, NONE);
    }

    public PartitionDelta {
        if (ranges.length % 2 != 0 || poisonOffsets.length % 2 != 0) {
            throw new IllegalArgumentException("ranges must come in first/last pairs");
        }
    }

    /** The ranges as {@code first-last;first-last…}, the form the commit script stores. */
    public String rangesAsText() {
        return asText(ranges);
    }

    /** The poison offsets as {@code first-last;first-last…}; empty when not known. */
    public String poisonOffsetsAsText() {
        return asText(poisonOffsets);
    }

    private static String asText(long[] bounds) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            if (i > 0) {
                text.append(';');
            }
            text.append(bounds[i]).append('-').append(bounds[i + 1]);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionDelta other
                && partition == other.partition
                && count == other.count
                && poison == other.poison
                && Arrays.equals(ranges, other.ranges)
                && Arrays.equals(poisonOffsets, other.poisonOffsets);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * partition + Long.hashCode(count)) + Arrays.hashCode(ranges)) + Long.hashCode(poison))
                + Arrays.hashCode(poisonOffsets);
    }

    @Override
    public String toString() {
        return "PartitionDelta[partition=" + partition + ", count=" + count + ", ranges=" + rangesAsText()
                + ", poison=" + poison + ", poisonOffsets=" + poisonOffsetsAsText() + "]";
    }
}
