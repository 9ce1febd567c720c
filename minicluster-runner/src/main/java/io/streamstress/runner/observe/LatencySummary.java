package io.streamstress.runner.observe;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram, in ms (recorded in µs; the produce timestamp has ms resolution).
 *
 * @param count values recorded
 */
public record LatencySummary(long count, double p50, double p90, double p99, double p999, double max) {

    public static LatencySummary of(Histogram micros) {
        return new LatencySummary(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
