package io.streamstress.redis.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationTest {

    private static PartitionCheck check(int partition, long produced, long committed, long[]... ranges) {
        return new PartitionCheck(partition, produced, produced, committed, RangeTiling.of(List.of(ranges), produced));
    }

    @Test
    void passesWhenEveryPartitionTilesExactly() {
        Verification v = new Verification(200,
                List.of(check(0, 100, 100, new long[] {0, 99}), check(1, 100, 100, new long[] {0, 99})), 200);

        assertThat(v.passed()).as("verdict").isTrue();
        assertThat(v.problems()).as("problems").isEmpty();
    }

    @Test
    void lossInOnePartitionAndDuplicatesInAnotherAreBothReported() {
        // Given partition 0 lost 10 and partition 1 duplicated 10: totals still add up to 200
        Verification v = new Verification(200, List.of(
                check(0, 100, 90, new long[] {0, 89}),
                check(1, 100, 110, new long[] {0, 99}, new long[] {90, 99})), 200);

        // Then
        assertThat(v.committed()).as("total committed hides both faults").isEqualTo(200);
        assertThat(v.lost()).as("lost").isEqualTo(10);
        assertThat(v.duplicated()).as("duplicated").isEqualTo(10);
        assertThat(v.passed()).as("verdict").isFalse();
        assertThat(v.problems()).as("problems name both partitions")
                .anySatisfy(p -> assertThat(p).startsWith("partition 0").contains("lost 10"))
                .anySatisfy(p -> assertThat(p).startsWith("partition 1").contains("duplicated 10"));
    }

    @Test
    void failsWhenTheTopicDisagreesWithTheProducer() {
        PartitionCheck p = new PartitionCheck(0, 100, 101, 100, RangeTiling.of(List.<long[]>of(new long[] {0, 99}), 100));

        assertThat(p.passed()).as("end offset differs from acks").isFalse();
        assertThat(p.problems()).contains("end offset 101");
    }

    @Test
    void poisonMustBeSetAsideExactlyAndIsNotInTheTotal() {
        RangeTiling tiling = RangeTiling.of(List.<long[]>of(new long[] {0, 99}), 100);
        PartitionCheck exact = new PartitionCheck(0, 100, 5, 105, 100, 5, tiling);
        PartitionCheck missed = new PartitionCheck(1, 100, 5, 105, 100, 3, tiling);

        assertThat(exact.passed()).as("5 poison written, 5 set aside").isTrue();
        assertThat(missed.passed()).as("5 poison written, 3 set aside").isFalse();
        assertThat(missed.problems()).contains("poison set aside 3 of 5");
        assertThat(new Verification(200, List.of(exact, missed), 200).poison()).as("poison total").isEqualTo(8);
    }

    @Test
    void failsWhenFewerWereProducedThanAskedFor() {
        Verification v = new Verification(300, List.of(check(0, 100, 100, new long[] {0, 99})), 100);

        assertThat(v.passed()).isFalse();
        assertThat(v.problems()).first().asString().contains("produced 100 of the 300");
    }

    @Test
    void failsWhenTheTotalKeyDisagreesWithThePartitionCounts() {
        Verification v = new Verification(100, List.of(check(0, 100, 100, new long[] {0, 99})), 120);

        assertThat(v.passed()).isFalse();
        assertThat(v.problems()).first().asString().contains("Redis total 120");
    }
}
