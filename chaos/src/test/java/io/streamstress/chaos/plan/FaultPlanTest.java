package io.streamstress.chaos.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void theSameSeedGivesTheSamePlan() {
        FaultPlan first = FaultPlan.parse("random:6,task-exception@30s", 7, 20);
        FaultPlan second = FaultPlan.parse("random:6,task-exception@30s", 7, 20);

        assertThat(second).as("plan for the same seed").isEqualTo(first);
        assertThat(first.faults()).as("faults").hasSize(7)
                .allSatisfy(f -> assertThat(f.target()).as("target").isBetween(0, 19));
    }

    @Test
    void differentSeedsDrawDifferentPlans() {
        assertThat(FaultPlan.parse("random:6", 1, 20)).as("plans of seeds 1 and 2")
                .isNotEqualTo(FaultPlan.parse("random:6", 2, 20));
    }

    @Test
    void randomFaultsAreOrderedProgressPointsOfTheAllowedKinds() {
        // Given only two kinds may be drawn (e.g. external Redis and Kafka)
        Set<FaultKind> allowed = Set.of(FaultKind.TASK_EXCEPTION, FaultKind.TASKMANAGER_STOP);

        // When
        FaultPlan plan = FaultPlan.parse("random:12", 42, 20, allowed);

        // Then
        assertThat(plan.kinds()).as("kinds drawn").isSubsetOf(allowed);
        assertThat(plan.faults()).as("triggers").allSatisfy(f -> assertThat(f.trigger())
                .isInstanceOfSatisfying(FaultTrigger.AtProgress.class, p -> assertThat(p.fraction())
                        .isBetween(FaultPlan.RANDOM_FROM, FaultPlan.RANDOM_TO)));
        double previous = 0;
        for (PlannedFault fault : plan.faults()) {
            double at = ((FaultTrigger.AtProgress) fault.trigger()).fraction();
            assertThat(at).as("progress points in order").isGreaterThanOrEqualTo(previous);
            previous = at;
        }
    }

    @Test
    void parsesTimesAndProgressPoints() {
        FaultPlan plan = FaultPlan.parse("task-exception@30s,redis-stall@40%,broker-restart@500ms,taskmanager-stop", 1, 4);

        assertThat(plan.faults()).extracting(PlannedFault::trigger).as("triggers").containsExactly(
                new FaultTrigger.AtTime(Duration.ofSeconds(30)), new FaultTrigger.AtProgress(0.4),
                new FaultTrigger.AtTime(Duration.ofMillis(500)), new FaultTrigger.Asap());
        assertThat(plan.describe()).as("described")
                .isEqualTo("task-exception@30s,redis-stall@40%,broker-restart@500ms,taskmanager-stop");
    }

    @Test
    void noneAndEmptyMeanNoFaults() {
        assertThat(FaultPlan.parse("none", 1, 4).isEmpty()).isTrue();
        assertThat(FaultPlan.parse("", 1, 4).isEmpty()).isTrue();
    }

    @Test
    void badSpecsSayWhatIsAllowed() {
        assertThatThrownBy(() -> FaultPlan.parse("task-exception,meteor", 1, 4))
                .hasMessageContaining("'meteor'").hasMessageContaining("redis-stall");
        assertThatThrownBy(() -> FaultPlan.parse("redis-stall@soon", 1, 4)).hasMessageContaining("@30s");
        assertThatThrownBy(() -> FaultPlan.parse("redis-stall@150%", 1, 4)).hasMessageContaining("[0%, 100%)");
        assertThatThrownBy(() -> FaultPlan.parse("random:0", 1, 4)).hasMessageContaining("from 1 to 100");
        assertThatThrownBy(() -> FaultPlan.parse("task-exception,,x", 1, 4)).hasMessageContaining("empty fault");
        assertThatThrownBy(() -> FaultPlan.parse("random:2", 1, 4, Collections.emptySet()))
                .hasMessageContaining("no fault kind");
        assertThatThrownBy(() -> FaultPlan.parse("process-kill,process-kill", 1, 4))
                .hasMessageContaining("at most one process-kill");
        assertThatThrownBy(() -> FaultPlan.parse("process-kill,poison", 1, 4)).hasMessageContaining("cannot be combined");
    }

    @Test
    void aContainerFaultNamesItsServerAfterAColon() {
        // Given container faults with and without a server
        FaultPlan plan = FaultPlan.parse("container-kill:kafka@40%,network-partition:redis,container-pause", 1, 4);

        // Then each keeps its server, and spells it back the same way
        assertThat(plan.faults()).extracting(PlannedFault::server).as("servers")
                .containsExactly(Optional.of(ServerRole.KAFKA), Optional.of(ServerRole.REDIS), Optional.empty());
        assertThat(plan.describe()).as("spelled back")
                .isEqualTo("container-kill:kafka@40%,network-partition:redis,container-pause");
        // And the run's default fills in only those that name none
        assertThat(plan.withDefaultServer(ServerRole.REDIS).describe()).as("default server")
                .isEqualTo("container-kill:kafka@40%,network-partition:redis,container-pause:redis");
    }

    @Test
    void onlyContainerFaultsTakeAServer() {
        assertThatThrownBy(() -> FaultPlan.parse("task-exception:redis", 1, 4))
                .as("a fault that hits no server").hasMessageContaining("does not take a server");
        assertThatThrownBy(() -> FaultPlan.parse("container-kill:zookeeper", 1, 4))
                .as("an unknown server").hasMessageContaining("'zookeeper'").hasMessageContaining("redis, kafka");
    }

    @Test
    void randomNeverDrawsAProcessKill() {
        assertThat(FaultPlan.parse("random:100", 3, 4).kinds()).as("kinds drawn").doesNotContain(FaultKind.PROCESS_KILL);
    }
}
