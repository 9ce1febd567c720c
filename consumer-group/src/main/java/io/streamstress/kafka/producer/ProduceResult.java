package io.streamstress.kafka.producer;

import java.time.Duration;

/**
 * What the broker acknowledged.
 *
 * @param ackedPerPartition records acknowledged per partition
 * @param poisonPerPartition malformed records acknowledged per partition (fault {@code poison})
 * @param elapsed from the first send to the last acknowledgement
 */
public record ProduceResult(long[] ackedPerPartition, long[] poisonPerPartition, Duration elapsed) {

    public long acked() {
        long sum = 0;
        for (long n : ackedPerPartition) {
            sum += n;
        }
        return sum;
    }

    /** Records per second over {@link #elapsed()}. */
    public double ratePerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? acked() / seconds : 0;
    }
}
