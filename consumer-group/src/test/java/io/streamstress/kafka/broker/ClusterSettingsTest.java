package io.streamstress.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static final Path ROOT = Path.of("/tmp/kafka-cluster");

    @Test
    void threeBrokersReplicateEverythingThriceAndTakeAWriteOnTwo() {
        // Given a cluster of 3
        ClusterSettings settings = ClusterSettings.loopback(ROOT, 3);

        // When node 2's settings are made
        BrokerSettings node = settings.node(2);

        // Then it has its own data dir, free ports, and the replication defaults of 3
        assertThat(node.dataDir()).as("data dir").isEqualTo(ROOT.resolve("node-2"));
        assertThat(node.brokerPort()).as("client port: free").isZero();
        assertThat(node.controllerPort()).as("controller port: free").isZero();
        assertThat(node.overrides()).as("defaults").containsAllEntriesOf(Map.of(
                "default.replication.factor", "3",
                "min.insync.replicas", "2",
                "offsets.topic.replication.factor", "3",
                "transaction.state.log.replication.factor", "3",
                "transaction.state.log.min.isr", "2",
                "unclean.leader.election.enable", "false",
                "controlled.shutdown.enable", "false"));
    }

    @Test
    void oneBrokerReplicatesOnceAndOverridesComeAfterTheDefaults() {
        // Given a cluster of 1 with an override of a default
        ClusterSettings settings = ClusterSettings.loopback(ROOT, 1).withOverrides(Map.of("min.insync.replicas", "1",
                "num.io.threads", "4"));

        // Then its node replicates once, and the overrides win
        assertThat(settings.node(1).overrides()).as("node 1 properties").containsAllEntriesOf(Map.of(
                "default.replication.factor", "1",
                "offsets.topic.replication.factor", "1",
                "min.insync.replicas", "1",
                "num.io.threads", "4"));
    }

    @Test
    void sizesOtherThanOneOrThreeAndUnknownNodesAreRefused() {
        // Then 2 (a quorum that loses its majority with one node) and 0 are refused, and node ids stay in range
        assertThatThrownBy(() -> ClusterSettings.loopback(ROOT, 2)).as("2 brokers")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 voters lose their majority");
        assertThatThrownBy(() -> ClusterSettings.loopback(ROOT, 0)).as("0 brokers")
                .hasMessageContaining("brokers must be 1 or 3");
        assertThatThrownBy(() -> ClusterSettings.loopback(ROOT, 3).node(4)).as("node 4 of 3")
                .hasMessageContaining("node ids are 1 to 3");
    }
}
