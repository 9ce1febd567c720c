package io.streamstress.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.runner.infra.cluster.ClusterKind;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which fault kinds a run can inject (and {@code random:N} can draw) on each cluster. */
class StressConfigKindsTest {

    private static final KafkaSettings ONE_BROKER = KafkaSettings.embedded(1);
    private static final KafkaSettings THREE_BROKERS = KafkaSettings.embedded(3);
    private static final KafkaSettings EXTERNAL = new KafkaSettings(Optional.of("kafka:9092"), 1,
            KafkaSettings.DEFAULT_REPLICATION_FACTOR, Optional.empty(), KafkaSettings.DEFAULT_GROUP_ID);

    @Test
    void processFaultsOnlyOnTheLocalClusterAndNoTaskManagerFaultOnAUsersCluster() {
        // When
        Set<FaultKind> embedded = StressConfig.injectableKinds(ONE_BROKER, true, ClusterKind.EMBEDDED);
        Set<FaultKind> local = StressConfig.injectableKinds(ONE_BROKER, true, ClusterKind.LOCAL);
        Set<FaultKind> remote = StressConfig.injectableKinds(ONE_BROKER, true, ClusterKind.REMOTE);

        // Then
        assertThat(local).as("local, one broker: every kind but a JobManager failover (its JobManager has no HA "
                        + "services) and a leader kill (one broker leads everything)")
                .containsExactlyInAnyOrderElementsOf(FaultKind.all().stream()
                        .filter(k -> k != FaultKind.JOBMANAGER_FAILOVER && k != FaultKind.BROKER_LEADER_KILL
                                && k.needs() != FaultKind.Needs.CONTAINERS).toList());
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
    void theContainerFaultsNeedTheServersInDockerWhichTheBrokerProxyAndTheResumeCannotReach() {
        // When the servers run in containers, and when they do not
        Set<FaultKind> docker = StressConfig.injectableKinds(ONE_BROKER, true, ClusterKind.EMBEDDED, true);
        Set<FaultKind> embedded = StressConfig.injectableKinds(ONE_BROKER, true, ClusterKind.EMBEDDED, false);

        // Then the container faults come with Docker only, the restarts map onto the containers, and the broker
        // proxy's faults and the resume go
        assertThat(docker).as("servers in containers")
                .contains(FaultKind.CONTAINER_KILL, FaultKind.CONTAINER_PAUSE, FaultKind.NETWORK_PARTITION,
                        FaultKind.NETWORK_DELAY, FaultKind.REDIS_RESTART, FaultKind.REDIS_STALL, FaultKind.REDIS_REPLY_LOST,
                        FaultKind.BROKER_RESTART)
                .doesNotContain(FaultKind.KAFKA_LATENCY, FaultKind.KAFKA_BLACKHOLE, FaultKind.KAFKA_RESET,
                        FaultKind.PROCESS_KILL);
        Set<FaultKind> dockerCluster = StressConfig.injectableKinds(ONE_BROKER, true, ClusterKind.DOCKER, true);
        assertThat(dockerCluster).as("Flink in containers too")
                .contains(FaultKind.TASKMANAGER_KILL, FaultKind.TASKMANAGER_FREEZE, FaultKind.CONTAINER_KILL)
                .doesNotContain(FaultKind.REDIS_REPLY_LOST, FaultKind.REDIS_BLACKHOLE, FaultKind.NETWORK_DELAY,
                        FaultKind.JOBMANAGER_FAILOVER);
        assertThat(embedded).as("embedded servers").doesNotContain(FaultKind.CONTAINER_KILL, FaultKind.CONTAINER_PAUSE,
                FaultKind.NETWORK_PARTITION, FaultKind.NETWORK_DELAY);
    }

    @Test
    void theNetworkFaultsNeedTheEmbeddedServersTheirProxyStandsBefore() {
        // When Kafka and Redis are external
        Set<FaultKind> external = StressConfig.injectableKinds(EXTERNAL, false, ClusterKind.EMBEDDED);

        // Then no fault through the proxy can be drawn
        assertThat(external).as("external servers").doesNotContain(FaultKind.REDIS_REPLY_LOST,
                FaultKind.REDIS_BLACKHOLE, FaultKind.REDIS_RESET, FaultKind.KAFKA_BLACKHOLE, FaultKind.KAFKA_LATENCY,
                FaultKind.KAFKA_RESET);
    }

    @Test
    void threeBrokersHaveLeadersToKillAndNoSingleBrokerToRestartProxyOrResumeOn() {
        // When the embedded Kafka has three brokers
        Set<FaultKind> three = StressConfig.injectableKinds(THREE_BROKERS, true, ClusterKind.EMBEDDED);
        Set<FaultKind> unreplicated = StressConfig.injectableKinds(
                new KafkaSettings(Optional.empty(), 3, 1, Optional.empty(), "g"), true, ClusterKind.EMBEDDED);

        // Then a leader can be killed, and nothing acts on the one broker there is not
        assertThat(three).as("three brokers").contains(FaultKind.BROKER_LEADER_KILL, FaultKind.TASK_EXCEPTION)
                .doesNotContain(FaultKind.BROKER_RESTART, FaultKind.KAFKA_BLACKHOLE, FaultKind.KAFKA_LATENCY,
                        FaultKind.KAFKA_RESET, FaultKind.PROCESS_KILL);
        assertThat(unreplicated).as("three brokers, one replica per partition: no other broker to lead it")
                .doesNotContain(FaultKind.BROKER_LEADER_KILL);
        assertThat(StressConfig.injectableKinds(ONE_BROKER, true, ClusterKind.EMBEDDED)).as("one broker")
                .contains(FaultKind.BROKER_RESTART).doesNotContain(FaultKind.BROKER_LEADER_KILL);
        assertThat(StressConfig.injectableKinds(EXTERNAL, true, ClusterKind.EMBEDDED)).as("external Kafka")
                .doesNotContain(FaultKind.BROKER_RESTART, FaultKind.BROKER_LEADER_KILL);
    }
}
