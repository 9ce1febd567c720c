package io.streamstress.kafka.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PartitionPlanTest {

    @Test
    void spreadsTheRemainderOverTheFirstPartitions() {
        PartitionPlan plan = new PartitionPlan(23, 4);

        assertThat(plan.messagesPerPartition()).as("per partition").containsExactly(6, 6, 6, 5);
        assertThat(Arrays.stream(plan.messagesPerPartition()).sum()).as("sum").isEqualTo(23);
    }

    @Test
    void sequencesAreContiguousPerPartition() {
        PartitionPlan plan = new PartitionPlan(23, 4);
        long[] next = new long[4];

        for (long id = 0; id < 23; id++) {
            int p = plan.partitionOf(id);
            assertThat(plan.sequenceOf(id)).as("sequence of message %d in partition %d", id, p).isEqualTo(next[p]);
            next[p]++;
        }
        assertThat(next).as("last sequence + 1 = count").containsExactly(plan.messagesPerPartition());
    }

    @Test
    void stoppingOffsetsAreTheCounts() {
        PartitionPlan plan = new PartitionPlan(10, 3);

        assertThat(plan.stoppingOffsets("t")).as("stopping offsets").hasSize(3)
                .containsEntry(new org.apache.kafka.common.TopicPartition("t", 0), 4L)
                .containsEntry(new org.apache.kafka.common.TopicPartition("t", 2), 3L);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new PartitionPlan(0, 3)).hasMessageContaining("messages must be at least 1");
        assertThatThrownBy(() -> new PartitionPlan(5, 0)).hasMessageContaining("partitions must be at least 1");
    }
}
