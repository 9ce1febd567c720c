package io.streamstress.chaos.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyDeltaTest {

    @Test
    void eachCallAnswersWhatWasAddedSinceThePrevious() {
        // Given the attempts' sum holds 10 values of 1 ms
        LatencyDelta delta = new LatencyDelta();
        Histogram total = histogram(1_000, 10);
        assertThat(delta.since(total).getTotalCount()).as("first call").isEqualTo(10);

        // When 5 values of 8 ms are added to the sum
        total.recordValueWithCount(8_000, 5);
        Histogram since = delta.since(total);

        // Then
        assertThat(since.getTotalCount()).as("second call").isEqualTo(5);
        assertThat(since.getMinValue()).as("smallest since").isBetween(7_990L, 8_010L);
        assertThat(delta.since(total).getTotalCount()).as("nothing new").isZero();
    }

    @Test
    void aSumThatShrankStartsOver() {
        // Given a sum of 10 values was answered, and then the keys were emptied and 3 new values came
        LatencyDelta delta = new LatencyDelta();
        delta.since(histogram(1_000, 10));

        // When
        Histogram since = delta.since(histogram(2_000, 3));

        // Then
        assertThat(since.getTotalCount()).as("after the shrink").isEqualTo(3);
    }

    private static Histogram histogram(long value, long count) {
        Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(value, count);
        return histogram;
    }
}
