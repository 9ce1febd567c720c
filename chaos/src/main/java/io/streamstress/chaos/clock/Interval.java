package io.streamstress.chaos.clock;

/**
 * A span of wall-clock time, {@code [fromMillis, untilMillis]}.
 *
 * @param fromMillis start
 * @param untilMillis end, not before the start
 */
public record Interval(long fromMillis, long untilMillis) {

    public Interval {
        if (untilMillis < fromMillis) {
            throw new IllegalArgumentException("an interval cannot end (" + untilMillis + ") before it starts ("
                    + fromMillis + ")");
        }
    }

    /** Whether this interval and {@code [from, until]} share more than an end point. */
    public boolean overlaps(long from, long until) {
        return fromMillis < until && from < untilMillis;
    }
}
