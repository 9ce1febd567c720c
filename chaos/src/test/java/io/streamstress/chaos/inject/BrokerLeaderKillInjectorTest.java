package io.streamstress.chaos.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamstress.chaos.plan.FaultPlan;
import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.target.LeaderLoss;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerLeaderKillInjectorTest {

    private static final PlannedFault FAULT = FaultPlan.parse("broker-leader-kill", 1, 4).faults().get(0);

    @Test
    void killsTheLeaderOfAPartitionTellsWhenItsPartitionsHadNewLeadersAndBringsItBack() throws Exception {
        // Given partitions 0..5 led by brokers 2,3,1,2,3,1, and an election that takes 3 metadata reads
        TestingKafkaBrokers brokers = new TestingKafkaBrokers(new int[] {2, 3, 1, 2, 3, 1}, 3);
        List<LeaderLoss> losses = new ArrayList<>();
        BrokerLeaderKillInjector injector = new BrokerLeaderKillInjector(brokers, Duration.ofMillis(300),
                Duration.ofSeconds(5), losses::add);

        // When it is injected
        long before = System.currentTimeMillis();
        Injection injection = injector.inject(FAULT);

        // Then partition 0's leader was killed, its partitions 0 and 3 got new leaders, and it came back
        assertThat(brokers.calls).as("what the injector did, in order").containsExactly("kill 2", "restart 2", "in sync");
        assertThat(losses).as("the leader loss told").singleElement().satisfies(loss -> {
            assertThat(loss.brokerId()).as("killed broker").isEqualTo(2);
            assertThat(loss.partitions()).as("the partitions it led").containsExactly(0, 3);
            assertThat(loss.killedAtMillis()).as("killed at T0").isEqualTo(injection.t0Millis()).isGreaterThanOrEqualTo(before);
            assertThat(loss.electedAtMillis()).as("elected after the kill").isGreaterThanOrEqualTo(loss.killedAtMillis());
        });
        assertThat(brokers.leaders()).as("leaders afterwards").containsExactly(1, 3, 1, 1, 3, 1);
        assertThat(injection.endedMillis().orElseThrow() - injection.t0Millis())
                .as("over once in sync, at least the down time after T0").isGreaterThanOrEqualTo(300);
        assertThat(injection.detail()).as("detail")
                .startsWith("broker 2, leader of partition 0 and 1 more of the topic's, killed; new leaders after ");

        // And the next injection kills the leader of partition 1
        injector.inject(FAULT);
        assertThat(brokers.calls).as("second injection").containsSequence("kill 3", "restart 3", "in sync");
        assertThat(losses.get(1).partitions()).as("partitions broker 3 led").containsExactly(1, 4);
    }

    @Test
    void aPartitionWithoutLeaderIsNotAFaultInjected() {
        TestingKafkaBrokers brokers = new TestingKafkaBrokers(new int[] {-1, 2}, 0);
        BrokerLeaderKillInjector injector = new BrokerLeaderKillInjector(brokers, Duration.ZERO, Duration.ofSeconds(1),
                loss -> { });

        assertThatThrownBy(() -> injector.inject(FAULT)).as("no leader to kill")
                .isInstanceOf(FaultNotInjectedException.class).hasMessageContaining("partition 0");
        assertThat(brokers.calls).as("nothing killed").isEmpty();
    }

    @Test
    void anElectionThatNeverCameIsReportedAndTheBrokerStillRestarted() throws Exception {
        TestingKafkaBrokers brokers = new TestingKafkaBrokers(new int[] {1, 2}, Integer.MAX_VALUE);
        List<LeaderLoss> losses = new ArrayList<>();
        BrokerLeaderKillInjector injector = new BrokerLeaderKillInjector(brokers, Duration.ZERO,
                Duration.ofMillis(200), losses::add);

        Injection injection = injector.inject(FAULT);

        assertThat(losses).as("no election to tell").isEmpty();
        assertThat(injection.detail()).as("detail").contains("no new leader within 200 ms");
        assertThat(brokers.calls).as("restarted anyway").containsExactly("kill 1", "restart 1", "in sync");
    }
}
