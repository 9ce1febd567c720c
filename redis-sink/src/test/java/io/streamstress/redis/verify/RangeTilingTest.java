package io.streamstress.redis.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangeTilingTest {

    @Test
    void exactTilingHasNoLossNoDuplicate() {
        // Given ranges that tile [0, 100) in shuffled order
        List<long[]> ranges = List.of(new long[] {50, 99}, new long[] {0, 9}, new long[] {10, 49});

        // When
        RangeTiling tiling = RangeTiling.of(ranges, 100);

        // Then
        assertThat(tiling).as("exact tiling").isEqualTo(new RangeTiling(0, 0, 0, 100));
    }

    @Test
    void gapCountsAsLost() {
        // Given [0,9] and [20,99]: 10..19 missing
        RangeTiling tiling = RangeTiling.of(List.of(new long[] {0, 9}, new long[] {20, 99}), 100);

        // Then
        assertThat(tiling.lost()).as("records in the gap").isEqualTo(10);
        assertThat(tiling.duplicated()).as("duplicates").isZero();
        assertThat(tiling.covered()).as("covered").isEqualTo(90);
    }

    @Test
    void overlapCountsAsDuplicated() {
        // Given a replay of 40..59 after [0,59]
        RangeTiling tiling = RangeTiling.of(
                List.of(new long[] {0, 59}, new long[] {40, 59}, new long[] {60, 99}), 100);

        // Then
        assertThat(tiling.duplicated()).as("replayed records").isEqualTo(20);
        assertThat(tiling.lost()).as("lost").isZero();
    }

    @Test
    void aRangeInsideAnotherIsWhollyDuplicated() {
        RangeTiling tiling = RangeTiling.of(List.of(new long[] {0, 99}, new long[] {10, 19}, new long[] {10, 19}), 100);

        assertThat(tiling.duplicated()).as("two copies of 10..19 inside 0..99").isEqualTo(20);
        assertThat(tiling.lost()).isZero();
    }

    @Test
    void lossAndDuplicationInOnePartitionDoNotCancel() {
        // Given 10 records missing and 10 records twice: the count alone would look right
        List<long[]> ranges = List.of(new long[] {0, 39}, new long[] {30, 39}, new long[] {50, 99});

        // When
        RangeTiling tiling = RangeTiling.of(ranges, 100);

        // Then
        assertThat(tiling.covered()).as("sum of range lengths equals n").isEqualTo(100);
        assertThat(tiling.lost()).as("lost 40..49").isEqualTo(10);
        assertThat(tiling.duplicated()).as("duplicated 30..39").isEqualTo(10);
    }

    @Test
    void missingTailAndUnexpectedSequencesAreReported() {
        assertThat(RangeTiling.of(List.of(new long[] {0, 49}), 100).lost()).as("missing tail").isEqualTo(50);
        assertThat(RangeTiling.of(List.of(new long[] {0, 104}), 100).unexpected()).as("beyond n").isEqualTo(5);
        assertThat(RangeTiling.of(List.of(), 7).lost()).as("nothing committed").isEqualTo(7);
    }

    @Test
    void parsesStoredRanges() {
        assertThat(RangeTiling.parseRange("12-345")).containsExactly(12, 345);
        assertThatThrownBy(() -> RangeTiling.parseRange("12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed range");
    }
}
