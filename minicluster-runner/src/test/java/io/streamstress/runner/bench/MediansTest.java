package io.streamstress.runner.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(Medians.of(List.of(3.0, 1.0, 2.0))).as("odd count").isEqualTo(2.0);
        assertThat(Medians.of(List.of(4.0, 1.0, 3.0, 2.0))).as("even count").isEqualTo(2.5);
        assertThat(Medians.of(List.of(7.0))).as("one round").isEqualTo(7.0);
        assertThatThrownBy(() -> Medians.of(List.of())).as("no rounds").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyNamedFigureGetsItsOwnMedian() {
        Map<String, Double> medians = Medians.byName(List.of(
                Map.of("a", 1.0, "b", 10.0), Map.of("a", 5.0, "b", 30.0), Map.of("a", 3.0, "b", 20.0)));

        assertThat(medians).as("medians by name").containsEntry("a", 3.0).containsEntry("b", 20.0);
    }
}
