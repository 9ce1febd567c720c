package io.streamstress.runner.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskManagerChoiceTest {

    // Given four running TaskManagers (indexes 0, 2, 3, 5: 1 and 4 were stopped before) of which only 2 and 5
    // host a running task of the job: two subtasks on four 1-slot TaskManagers
    private static final List<Integer> RUNNING = List.of(0, 2, 3, 5);
    private static final Map<Integer, String> IDS = Map.of(0, "tm-a", 2, "tm-b", 3, "tm-c", 5, "tm-d");
    private static final Set<String> BUSY = Set.of("tm-b", "tm-d");

    @Test
    void everyOrdinalStopsATaskManagerThatHostsARunningTask() {
        for (int ordinal = 0; ordinal < 8; ordinal++) {
            assertThat(TaskManagerChoice.pick(RUNNING, IDS, BUSY, ordinal)).as("ordinal %d", ordinal)
                    .hasValue(ordinal % 2 == 0 ? 2 : 5);
        }
    }

    @Test
    void noBusyTaskManagerIsNoChoice() {
        assertThat(TaskManagerChoice.pick(RUNNING, IDS, Set.of(), 3)).as("all idle").isEmpty();
        assertThat(TaskManagerChoice.pick(RUNNING, IDS, Set.of("tm-gone"), 3)).as("the busy one is not running").isEmpty();
    }

    @Test
    void byResourceIdEveryOrdinalHitsARunningTaskManagerThatHostsATask() {
        // Given the same TaskManagers known by resource id, in start order
        List<String> running = List.of("tm-a", "tm-b", "tm-c", "tm-d");

        // Then the busy ones take turns, and none is no choice
        for (int ordinal = 0; ordinal < 8; ordinal++) {
            assertThat(TaskManagerChoice.pick(running, BUSY, ordinal)).as("ordinal %d", ordinal)
                    .hasValue(ordinal % 2 == 0 ? "tm-b" : "tm-d");
        }
        assertThat(TaskManagerChoice.pick(running, Set.of("tm-gone"), 3)).as("the busy one is not running").isEmpty();
    }
}
