package io.streamstress.kafka.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrafficPatternTest {

    @Test
    void readsRatesPercentagesAndBursts() {
        // Given a pattern with the three kinds of rate, out of order
        TrafficPattern pattern = TrafficPattern.parse("30s-60s:300%,0s-30s:5000,60s-90s:burst");

        // Then the windows are sorted and each instant has its rate; outside them the base rate applies
        assertThat(pattern.windows()).as("windows").hasSize(3);
        assertThat(pattern.ratePerSecondAt(0, 2_000)).as("first window").isEqualTo(5_000);
        assertThat(pattern.ratePerSecondAt(29_999, 2_000)).as("end of first window").isEqualTo(5_000);
        assertThat(pattern.ratePerSecondAt(30_000, 2_000)).as("300 % of the base rate").isEqualTo(6_000);
        assertThat(pattern.ratePerSecondAt(60_000, 2_000)).as("burst: no limit").isZero();
        assertThat(pattern.ratePerSecondAt(90_000, 2_000)).as("after the windows: the base rate").isEqualTo(2_000);
        assertThat(pattern.endMillis()).as("end").isEqualTo(90_000);
        assertThat(pattern.needsBaseRate()).as("has a % window").isTrue();
        assertThat(TrafficPattern.parse("500ms-2m:10").ratePerSecondAt(119_999, 0)).as("ms and m units").isEqualTo(10);
        assertThat(TrafficPattern.parse("none").isEmpty()).as("none").isTrue();
        assertThat(TrafficPattern.parse("0s-5s:burst").limitsRate(0)).as("bursts alone, no base rate: no schedule").isFalse();
        assertThat(TrafficPattern.parse("0s-5s:burst").limitsRate(100)).as("bursts over a base rate").isTrue();
        assertThat(TrafficPattern.parse("0s-5s:100").limitsRate(0)).as("a window with a rate").isTrue();
    }

    @Test
    void rejectsOverlappingReversedAndMalformedWindows() {
        assertThatThrownBy(() -> TrafficPattern.parse("0s-30s:5000,20s-40s:100"))
                .as("overlap").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> TrafficPattern.parse("30s-10s:100"))
                .as("reversed").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reversed");
        assertThatThrownBy(() -> TrafficPattern.parse("5s-5s:100"))
                .as("empty").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> TrafficPattern.parse("0s-5s:0"))
                .as("zero rate").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> TrafficPattern.parse("0-5s:fast"))
                .as("malformed").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("START-END:RATE");
    }
}
