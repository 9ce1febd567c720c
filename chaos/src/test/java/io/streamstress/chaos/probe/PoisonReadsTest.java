package io.streamstress.chaos.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoisonReadsTest {

    @Test
    void poisonCountsAsReadWhenEachOfItsRecordsWasReadOnceReplaysAside() {
        // Given three poison records of partition 2 at offsets 10-12: 10 and 11 read, then a restart replays 10
        // and 11, and poison of another partition
        List<PoisonRead> reads = new ArrayList<>(List.of(
                new PoisonRead(2, 10, 1_000),
                new PoisonRead(2, 11, 1_010),
                new PoisonRead(5, 3, 1_020),
                new PoisonRead(2, 10, 2_000),
                new PoisonRead(2, 11, 2_010)));

        // Then two records are not all three, even though four reads happened
        assertThat(PoisonReads.readAt(reads, 2, 3)).as("before the third was read").isEmpty();
        assertThat(PoisonReads.readAt(reads, 2, 2)).as("two read, at their first reads").hasValue(1_010);

        // When the third is read
        reads.add(new PoisonRead(2, 12, 2_500));

        // Then
        assertThat(PoisonReads.readAt(reads, 2, 3)).as("all three read").hasValue(2_500);
        assertThat(PoisonReads.readAt(reads, 5, 1)).as("the other partition").hasValue(1_020);
    }

    @Test
    void theFirstReadCountsWhateverTheOrderTheReadsArrivedIn() {
        // Given a replay's read reported before the original read (two attempts flushing in either order)
        List<PoisonRead> reads = List.of(new PoisonRead(0, 7, 2_000), new PoisonRead(0, 7, 1_000));

        // Then
        assertThat(PoisonReads.readAt(reads, 0, 1)).as("first read").hasValue(1_000);
        assertThat(PoisonReads.readAt(reads, 0, 0)).as("zero records asked").isEmpty();
    }
}
