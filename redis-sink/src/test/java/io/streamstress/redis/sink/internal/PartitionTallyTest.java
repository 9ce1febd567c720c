package io.streamstress.redis.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionTallyTest {

    @Test
    void contiguousSequencesMakeOneRange() {
        PartitionTally tally = new PartitionTally(4);
        for (long s = 10; s < 20; s++) {
            tally.add(s);
        }

        assertThat(tally.toDelta()).as("one range").isEqualTo(new PartitionDelta(4, 10, new long[] {10, 19}));
    }

    @Test
    void poisonIsCountedApartFromRecordsAndRanges() {
        PartitionTally tally = new PartitionTally(2);
        tally.add(0);
        tally.addPoison(7);
        tally.add(1);
        tally.addPoison(8);
        tally.addPoison(-1);

        assertThat(tally.toDelta()).as("delta")
                .isEqualTo(new PartitionDelta(2, 2, new long[] {0, 1}, 3, new long[] {7, 8}));
    }

    @Test
    void aJumpOrARepeatStartsANewRange() {
        PartitionTally tally = new PartitionTally(0);
        for (long s : new long[] {0, 1, 2, 5, 6, 6, 7}) {
            tally.add(s);
        }

        PartitionDelta delta = tally.toDelta();

        assertThat(delta.count()).as("records").isEqualTo(7);
        assertThat(delta.rangesAsText()).as("ranges").isEqualTo("0-2;5-6;6-7");
    }
}
