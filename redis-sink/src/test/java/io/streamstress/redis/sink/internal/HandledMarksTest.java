package io.streamstress.redis.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HandledMarksTest {

    @Test
    void aWriterThatFindsNoMarksSkipsNothing() {
        // Given a first attempt: Redis holds no marks
        HandledMarks marks = HandledMarks.fromRedis(Map.of());

        // Then
        assertThat(marks.isHandled(0, 0)).as("first record of a partition").isFalse();
    }

    @Test
    void recordsAtOrBelowAFoundMarkAreSkippedAndTheRestAreNot() {
        // Given an earlier attempt that marked partition 3 handled through 2999
        HandledMarks marks = HandledMarks.fromRedis(Map.of("3", "2999"));

        // Then the replay from the checkpoint (2000) is skipped up to the mark, and counted after it
        assertThat(marks.isHandled(3, 2000)).as("replayed record below the mark").isTrue();
        assertThat(marks.isHandled(3, 2999)).as("the marked record itself").isTrue();
        assertThat(marks.isHandled(3, 3000)).as("the first record past the mark").isFalse();
        assertThat(marks.isHandled(4, 0)).as("a partition without a mark").isFalse();
    }

    @Test
    void drainGivesTheNewestCountedSequencePerPartitionAndStartsAfresh() {
        // Given records counted in two partitions
        HandledMarks marks = new HandledMarks(Map.of());
        marks.counting(0, 10);
        marks.counting(0, 11);
        marks.counting(1, 5);

        // When
        long pending = marks.pendingRecords();
        Map<String, String> drained = marks.drain();

        // Then
        assertThat(pending).as("records pending before the drain").isEqualTo(3);
        assertThat(drained).as("marks to write").containsExactlyInAnyOrderEntriesOf(Map.of("0", "11", "1", "5"));
        assertThat(marks.pendingRecords()).as("records pending after the drain").isZero();
        assertThat(marks.drain()).as("a second drain").isEmpty();
    }

    @Test
    void newMarksDoNotChangeWhatThisWriterSkips() {
        // Given a writer that found partition 0 marked through 99 and has since counted 100..150
        HandledMarks marks = HandledMarks.fromRedis(Map.of("0", "99"));
        for (long s = 100; s <= 150; s++) {
            marks.counting(0, s);
        }
        marks.drain();

        // Then only the marks found at the start decide what is skipped
        assertThat(marks.isHandled(0, 120)).as("a record this writer counted itself").isFalse();
    }
}
