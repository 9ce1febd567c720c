package io.streamstress.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.runner.infra.cluster.ClusterKind;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which fault kinds a run can inject (and {@code random:N} can draw) on each cluster. */
class StressConfigKindsTest {

    @Test
    void processFaultsOnlyOnTheLocalClusterAndNoTaskManagerFaultOnAUsersCluster() {
        // When
        Set<FaultKind> embedded = StressConfig.injectableKinds(true, true, ClusterKind.EMBEDDED);
        Set<FaultKind> local = StressConfig.injectableKinds(true, true, ClusterKind.LOCAL);
        Set<FaultKind> remote = StressConfig.injectableKinds(true, true, ClusterKind.REMOTE);

        // Then
        assertThat(local).as("local: every kind").containsExactlyInAnyOrderElementsOf(FaultKind.all());
        assertThat(embedded).as("embedded: no kill or freeze of threads")
                .contains(FaultKind.TASKMANAGER_STOP, FaultKind.PROCESS_KILL)
                .doesNotContain(FaultKind.TASKMANAGER_KILL, FaultKind.TASKMANAGER_FREEZE);
        assertThat(remote).as("a user's cluster: no TaskManager fault")
                .contains(FaultKind.TASK_EXCEPTION, FaultKind.POISON, FaultKind.REDIS_STALL)
                .doesNotContain(FaultKind.TASKMANAGER_STOP, FaultKind.TASKMANAGER_KILL, FaultKind.TASKMANAGER_FREEZE);
    }
}
