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
        assertThat(local).as("local: every kind but a JobManager failover (its JobManager has no HA services)")
                .containsExactlyInAnyOrderElementsOf(FaultKind.all().stream()
                        .filter(k -> k != FaultKind.JOBMANAGER_FAILOVER).toList());
        assertThat(embedded).as("embedded: no kill or freeze of threads")
                .contains(FaultKind.TASKMANAGER_STOP, FaultKind.PROCESS_KILL, FaultKind.JOBMANAGER_FAILOVER,
                        FaultKind.RESCALE, FaultKind.ROLLBACK, FaultKind.REDIS_REPLY_LOST, FaultKind.KAFKA_LATENCY)
                .doesNotContain(FaultKind.TASKMANAGER_KILL, FaultKind.TASKMANAGER_FREEZE);
        assertThat(remote).as("a user's cluster: no TaskManager, job replacement or JobManager fault")
                .contains(FaultKind.TASK_EXCEPTION, FaultKind.POISON, FaultKind.REDIS_STALL, FaultKind.REDIS_REPLY_LOST)
                .doesNotContain(FaultKind.TASKMANAGER_STOP, FaultKind.TASKMANAGER_KILL, FaultKind.TASKMANAGER_FREEZE,
                        FaultKind.RESCALE, FaultKind.ROLLBACK, FaultKind.JOBMANAGER_FAILOVER);
    }

    @Test
    void theNetworkFaultsNeedTheEmbeddedServersTheirProxyStandsBefore() {
        // When Kafka and Redis are external
        Set<FaultKind> external = StressConfig.injectableKinds(false, false, ClusterKind.EMBEDDED);

        // Then no fault through the proxy can be drawn
        assertThat(external).as("external servers").doesNotContain(FaultKind.REDIS_REPLY_LOST,
                FaultKind.REDIS_BLACKHOLE, FaultKind.REDIS_RESET, FaultKind.KAFKA_BLACKHOLE, FaultKind.KAFKA_LATENCY,
                FaultKind.KAFKA_RESET);
    }
}
