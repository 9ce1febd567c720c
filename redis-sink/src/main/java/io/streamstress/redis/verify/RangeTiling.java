package io.streamstress.redis.verify;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How a set of committed sequence ranges covers {@code [0, n)}: every sequence not covered is lost, every
 * coverage beyond the first is a duplicate, and sequences at or past {@code n} are unexpected. Loss and
 * duplication are counted separately, so one never hides the other.
 *
 * @param lost sequences in {@code [0, n)} no range covers
 * @param duplicated coverage beyond one, summed over all sequences
 * @param unexpected distinct sequences covered outside {@code [0, n)}
 * @param covered sum of all range lengths (equals the count the sink should have committed)
 */
public record RangeTiling(long lost, long duplicated, long unexpected, long covered) {

    /**
     * @param ranges inclusive {@code [first, last]} pairs, in any order
     * @param n the number of sequences produced into the partition
     */
    public static RangeTiling of(List<long[]> ranges, long n) {
        long[][] sorted = ranges.toArray(long[][]::new);
        Arrays.sort(sorted, Comparator.comparingLong((long[] r) -> r[0]).thenComparingLong(r -> r[1]));
        long next = 0;
        long lost = 0;
        long duplicated = 0;
        long unexpected = 0;
        long covered = 0;
        for (long[] range : sorted) {
            long first = range[0];
            long last = range[1];
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("malformed range " + first + "-" + last);
            }
            covered += last - first + 1;
            if (first > next) {
                lost += Math.max(0, Math.min(first, n) - next);
                next = first;
            }
            if (last < next) {
                duplicated += last - first + 1;
                continue;
            }
            duplicated += next - first;
            unexpected += Math.max(0, last - Math.max(next, n) + 1);
            next = last + 1;
        }
        lost += Math.max(0, n - next);
        return new RangeTiling(lost, duplicated, unexpected, covered);
    }

    /** Parses {@code first-last} as stored by the sink. */
    public static long[] parseRange(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("malformed range '" + text + "'");
        }
        return new long[] {Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1))};
    }
}
