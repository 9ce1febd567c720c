package io.streamstress.runner.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.chaos.target.LeaderLoss;
import io.streamstress.kafka.producer.PartitionPlan;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeaderKillsTest {

    private static final long T0 = 100_000;
    private static final long ELECTED = T0 + 2_000;

    /** {@code [time, marks of partitions 0..3]}. */
    private static long[] marks(long time, long... perPartition) {
        long[] sample = new long[perPartition.length + 1];
        sample[0] = time;
        System.arraycopy(perPartition, 0, sample, 1, perPartition.length);
        return sample;
    }

    @Test
    void overWhenEveryPartitionTheKilledBrokerLedCountedARecordSentAfterTheElection() {
        // Given 1,000 messages over 4 partitions, and the producer about to send message 401 when new leaders for
        // partitions 1 and 3 were elected: the first records sent after are sequence 100 of both (ids 401 and 403)
        AtomicLong unsent = new AtomicLong(401);
        LeaderKills kills = new LeaderKills(new PartitionPlan(1_000, 4), unsent::get);
        kills.elected(new LeaderLoss(2, List.of(1, 3), T0, ELECTED));

        // When the sink's marks pass sequence 100 of partition 1, then of partition 3 (partitions 0 and 2 never
        // stopped, and a mark above it before the election does not count)
        List<long[]> samples = List.of(
                marks(T0 + 500, 300, 90, 300, 90),
                marks(ELECTED - 100, 300, 101, 300, 101),
                marks(ELECTED + 400, 320, 101, 320, 100),
                marks(ELECTED + 900, 340, 102, 340, 101),
                marks(ELECTED + 1_400, 360, 150, 360, 150));

        // Then the leader loss was over for the pipeline at the first sample after the election with both past it
        assertThat(kills.countedFromNewLeadersAt(T0, samples)).as("counted from the new leaders").hasValue(ELECTED + 900);
        assertThat(kills.countedFromNewLeadersAt(T0, samples.subList(0, 3))).as("before partition 3 passed").isEmpty();
        assertThat(kills.countedFromNewLeadersAt(T0 + 1, samples)).as("another fault's T0").isEmpty();
    }

    @Test
    void aPartitionThatGetsNoMoreRecordsIsLeftOutAndWithNoneLeftThereIsNoInstant() {
        // Given 8 messages over 4 partitions (ids 0..7), the producer at message 6 when partitions 1 and 2 got new
        // leaders: partition 2 still gets id 6 (sequence 1), partition 1 nothing more (its last id, 5, was sent)
        AtomicLong unsent = new AtomicLong(6);
        LeaderKills kills = new LeaderKills(new PartitionPlan(8, 4), unsent::get);
        kills.elected(new LeaderLoss(1, List.of(1, 2), T0, ELECTED));
        unsent.set(8);
        kills.elected(new LeaderLoss(3, List.of(0, 3), T0 + 10_000, T0 + 12_000));

        // Then only partition 2 decides the first, and the second (nothing left to send) has no instant
        List<long[]> samples = List.of(marks(ELECTED + 100, 2, 1, 1, 2), marks(ELECTED + 200, 2, 1, 2, 2),
                marks(T0 + 13_000, 2, 2, 2, 2));
        assertThat(kills.countedFromNewLeadersAt(T0, samples)).as("partition 2 counted sequence 1").hasValue(ELECTED + 200);
        assertThat(kills.countedFromNewLeadersAt(T0 + 10_000, samples)).as("nothing left to send").isEmpty();
    }
}
