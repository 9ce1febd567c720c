package io.streamstress.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaNodeTest {

    private static final Path DATA = Path.of("/tmp/kafka-node");

    @Test
    void aNodeWithoutProxiedListenerHasTheClientAndControllerListenersOnly() {
        // Given a node's settings on fixed ports
        BrokerSettings settings = BrokerSettings.loopback(DATA).withPorts(9092, 9093);

        // When its properties are made
        Properties props = KafkaNode.properties(1, settings, "1@127.0.0.1:9093");

        // Then it listens and advertises as the single broker always did
        assertThat(props.getProperty("listeners")).as("listeners")
                .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(props.getProperty("advertised.listeners")).as("advertised").isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(props.getProperty("listener.security.protocol.map")).as("protocols")
                .isEqualTo("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        assertThat(props.getProperty("controller.quorum.voters")).as("voters").isEqualTo("1@127.0.0.1:9093");
        assertThat(props.getProperty("log.dirs")).as("log dir").isEqualTo(DATA.resolve("kraft-logs").toString());
    }

    @Test
    void aProxiedListenerBindsItsOwnPortAndAdvertisesTheProxy() {
        // Given settings with a proxied listener bound on 9094, advertised at the proxy on 41000
        BrokerSettings settings = BrokerSettings.loopback(DATA).withPorts(9092, 9093)
                .withProxiedListener(ProxiedListener.advertisedAt("127.0.0.1", 41_000).withBindPort(9094));

        // When its properties are made
        Properties props = KafkaNode.properties(1, settings, "1@127.0.0.1:9093");

        // Then it binds the listener on its own port, advertises it at the proxy, and speaks PLAINTEXT on it
        assertThat(props.getProperty("listeners")).as("listeners")
                .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093,PROXIED://127.0.0.1:9094");
        assertThat(props.getProperty("advertised.listeners")).as("advertised")
                .isEqualTo("PLAINTEXT://127.0.0.1:9092,PROXIED://127.0.0.1:41000");
        assertThat(props.getProperty("listener.security.protocol.map")).as("protocols")
                .isEqualTo("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,PROXIED:PLAINTEXT");
        assertThat(props.getProperty("inter.broker.listener.name")).as("brokers replicate on").isEqualTo("PLAINTEXT");
    }

    @Test
    void theLogCleanerTakesAnEightMegabyteBufferNotKafkasDefaultOf128() {
        // Given three nodes and a killed one restarting in the harness's 768 MB heap, where Kafka's 128 MB dedupe
        // buffer per node ran the heap out (OutOfMemoryError in LogCleaner's start, then Kafka halted the JVM)
        Properties props = KafkaNode.properties(1, BrokerSettings.loopback(DATA).withPorts(9092, 9093), "1@127.0.0.1:9093");

        // Then every node asks for 8 MB
        assertThat(props.getProperty("log.cleaner.dedupe.buffer.size")).as("dedupe buffer")
                .isEqualTo(String.valueOf(8L * 1024 * 1024));
    }

    @Test
    void overridesComeLast() {
        // Given settings that override a default
        BrokerSettings settings = BrokerSettings.loopback(DATA).withPorts(9092, 9093)
                .withOverrides(Map.of("num.partitions", "6"));

        // Then the override is what the node gets
        assertThat(KafkaNode.properties(2, settings, "2@127.0.0.1:9093").getProperty("num.partitions"))
                .as("num.partitions").isEqualTo("6");
        assertThat(KafkaNode.properties(2, settings, "2@127.0.0.1:9093").getProperty("node.id")).as("node id")
                .isEqualTo("2");
    }

    @Test
    void freePortsAreAskedForInOrderAndFixedOnesKept() {
        // Given a node asking for free client and proxied ports but a fixed controller port
        List<Integer> ports = List.of(5001, 5002);
        int[] next = {0};
        PortPicker picker = host -> ports.get(next[0]++);
        KafkaNode node = new KafkaNode(3, BrokerSettings.loopback(DATA).withPorts(0, 9093)
                .withProxiedListener("127.0.0.1", 41_000).withPortPicker(picker));

        // When it picks its candidates
        BrokerSettings candidate = node.candidate();

        // Then the client port comes first, the proxied second, the controller's stays; the voter names the latter
        assertThat(node.picksFreePorts()).as("picks free ports").isTrue();
        assertThat(candidate.brokerPort()).as("client port").isEqualTo(5001);
        assertThat(candidate.controllerPort()).as("controller port").isEqualTo(9093);
        assertThat(candidate.proxiedListener().orElseThrow().bindPort()).as("proxied port").isEqualTo(5002);
        assertThat(node.voter(candidate)).as("voter").isEqualTo("3@127.0.0.1:9093");
    }
}
