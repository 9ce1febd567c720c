package io.streamstress.chaos.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramTextTest {

    @Test
    void aHistogramSurvivesTheTrip() {
        // Given latencies from 1 µs to 60 s
        Histogram histogram = new Histogram(3);
        for (long micros = 1; micros <= 60_000_000; micros *= 3) {
            histogram.recordValueWithCount(micros, micros % 7 + 1);
        }

        // When
        Histogram decoded = HistogramText.decode(HistogramText.encode(histogram));

        // Then
        assertThat(decoded).as("decoded").isEqualTo(histogram);
    }

    @Test
    void textThatIsNoHistogramIsRefused() {
        assertThatThrownBy(() -> HistogramText.decode("bm90IGEgaGlzdG9ncmFt")).as("decoding garbage")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
