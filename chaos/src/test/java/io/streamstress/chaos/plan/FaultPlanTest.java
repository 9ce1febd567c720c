package io.streamstress.chaos.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void theSameSeedGivesTheSamePlan() {
        FaultPlan first = FaultPlan.parse("task-exception,task-exception,task-exception", 7, 20);
        FaultPlan second = FaultPlan.parse("task-exception,task-exception,task-exception", 7, 20);

        assertThat(second).as("plan for the same seed").isEqualTo(first);
        assertThat(first.faults()).as("targets").allSatisfy(f -> assertThat(f.targetSubtask()).isBetween(0, 19));
    }

    @Test
    void differentSeedsDrawDifferentTargets() {
        // Given many faults, two seeds agreeing on every target would be a broken draw
        String spec = String.join(",", java.util.Collections.nCopies(16, "task-exception"));

        assertThat(FaultPlan.parse(spec, 1, 20)).as("plans of seeds 1 and 2").isNotEqualTo(FaultPlan.parse(spec, 2, 20));
    }

    @Test
    void countsFaultsPerKindAndSubtask() {
        FaultPlan plan = FaultPlan.parse("task-exception,task-exception", 3, 1);

        assertThat(plan.countFor(FaultKind.TASK_EXCEPTION, 0)).as("both hit the only subtask").isEqualTo(2);
        assertThat(plan.count(FaultKind.TASK_EXCEPTION)).isEqualTo(2);
    }

    @Test
    void noneAndEmptyMeanNoFaults() {
        assertThat(FaultPlan.parse("none", 1, 4).isEmpty()).isTrue();
        assertThat(FaultPlan.parse("", 1, 4).isEmpty()).isTrue();
    }

    @Test
    void anUnknownKindIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> FaultPlan.parse("task-exception,meteor", 1, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'meteor'")
                .hasMessageContaining("task-exception");
    }
}
