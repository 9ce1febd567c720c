package io.streamstress.chaos.inject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobProbeTest {

    @AfterEach
    void forget() {
        JobProbe.reset();
    }

    @Test
    void poisonCountsAsReadWhenEachOfItsRecordsWasReadOnceReplaysAside() {
        // Given three poison records of partition 2 at offsets 10-12: 10 and 11 read, then a restart replays 10
        // and 11, and poison of another partition
        JobProbe.poisonRead(new JobProbe.PoisonRead(2, 10, 1_000));
        JobProbe.poisonRead(new JobProbe.PoisonRead(2, 11, 1_010));
        JobProbe.poisonRead(new JobProbe.PoisonRead(5, 3, 1_020));
        JobProbe.poisonRead(new JobProbe.PoisonRead(2, 10, 2_000));
        JobProbe.poisonRead(new JobProbe.PoisonRead(2, 11, 2_010));

        // Then two records are not all three, even though four reads happened
        assertThat(JobProbe.poisonReadAt(2, 3)).as("before the third was read").isEmpty();
        assertThat(JobProbe.poisonReadAt(2, 2)).as("two read, at their first reads").hasValue(1_010);

        // When the third is read
        JobProbe.poisonRead(new JobProbe.PoisonRead(2, 12, 2_500));

        // Then
        assertThat(JobProbe.poisonReadAt(2, 3)).as("all three read").hasValue(2_500);
        assertThat(JobProbe.poisonReadAt(5, 1)).as("the other partition").hasValue(1_020);
    }
}
