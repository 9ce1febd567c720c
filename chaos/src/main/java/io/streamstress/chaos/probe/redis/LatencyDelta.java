package io.streamstress.chaos.probe.redis;

import org.HdrHistogram.Histogram;

/**
 * Turns the growing sum of the attempts' histograms into "what was recorded since the last call". Should the
 * sum shrink (the keys were reset, or Redis lost data), the whole sum is the answer and the new base.
 */
final class LatencyDelta {

    private static final int DIGITS = 3;

    private Histogram last = new Histogram(DIGITS);

    synchronized Histogram since(Histogram total) {
        Histogram difference = copyOf(total);
        try {
            difference.subtract(last);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            difference = copyOf(total);
        }
        last = copyOf(total);
        return difference;
    }

    synchronized void reset() {
        last = new Histogram(DIGITS);
    }

    static Histogram copyOf(Histogram histogram) {
        Histogram copy = new Histogram(DIGITS);
        copy.add(histogram);
        return copy;
    }
}
