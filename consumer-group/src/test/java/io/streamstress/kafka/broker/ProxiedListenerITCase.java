package io.streamstress.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.PartitionPlan;
import io.streamstress.kafka.producer.ProducerSettings;
import io.streamstress.kafka.topic.TopicAdmin;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxiedListenerITCase {

    private static final String LOOPBACK = "127.0.0.1";

    @TempDir
    Path dir;

    @Test
    void clientsThatBootstrapThroughTheProxyAreToldTheProxyAndStayOnItAcrossARestart() throws Exception {
        // Given a forwarder listening, and a broker whose proxied listener is advertised at the forwarder's port
        try (TestingForwarder forwarder = new TestingForwarder();
                EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                        BrokerSettings.loopback(dir).withProxiedListener(LOOPBACK, forwarder.port()))) {
            broker.start();
            int proxiedPort = broker.proxiedPort();
            forwarder.forwardTo(proxiedPort);
            String viaForwarder = LOOPBACK + ":" + forwarder.port();
            assertThat(proxiedPort).as("proxied listener bound on a port of its own")
                    .isPositive()
                    .isNotEqualTo(broker.settings().brokerPort())
                    .isNotEqualTo(broker.settings().controllerPort())
                    .isNotEqualTo(forwarder.port());

            // When an admin client asks for the cluster's brokers through the forwarder, and another on the plain listener
            List<Node> seenThroughForwarder = brokers(viaForwarder);
            List<Node> seenDirectly = brokers(broker.bootstrapServers());

            // Then the one through the forwarder is told the forwarder's address, the other the plain listener's
            assertThat(seenThroughForwarder).as("brokers in metadata asked through the forwarder")
                    .extracting(Node::host, Node::port).containsExactly(tuple(LOOPBACK, forwarder.port()));
            assertThat(seenDirectly).as("brokers in metadata asked on the plain listener")
                    .extracting(Node::port).containsExactly(broker.settings().brokerPort());

            // When the load producer writes on the plain listener and a consumer reads through the forwarder
            PartitionPlan plan = new PartitionPlan(2_000, 2);
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                admin.createTopic("proxied", 2, (short) 1);
            }
            new LoadProducer(ProducerSettings.of(broker.bootstrapServers(), "proxied", plan)).run();
            long carriedBefore = forwarder.bytesFromTarget();
            long servedBefore = broker.bytesServed("proxied");
            int read = readAll(viaForwarder, "proxied", 2, plan.messages());
            long served = broker.bytesServed("proxied") - servedBefore;

            // Then it read every message, and the bytes went through the forwarder
            assertThat(read).as("messages read through the forwarder").isEqualTo(plan.messages());
            assertThat(forwarder.bytesToTarget()).as("bytes the forwarder carried to the broker").isPositive();
            assertThat(served).as("bytes of the topic the broker served").isPositive();
            assertThat(forwarder.bytesFromTarget() - carriedBefore)
                    .as("bytes the forwarder carried back while consuming: all the broker served, and more")
                    .isGreaterThanOrEqualTo(served);

            // When the broker stops and starts again
            broker.stop();
            broker.start();

            // Then its proxied listener is on the same port, so the forwarder still reaches it
            assertThat(broker.proxiedPort()).as("proxied port after the restart").isEqualTo(proxiedPort);
            long connectionsBefore = forwarder.connections();
            assertThat(readAll(viaForwarder, "proxied", 2, plan.messages()))
                    .as("messages read through the forwarder after the restart").isEqualTo(plan.messages());
            assertThat(forwarder.connections()).as("connections through the forwarder after the restart")
                    .isGreaterThan(connectionsBefore);
        }
    }

    @Test
    void aProxiedPortTakenBeforeTheBrokerBindsItIsRetriedOnFreshPorts() throws Exception {
        // Given a port held by the test and handed to the broker as its candidate for the proxied listener (the third
        // asked for: client, controller, proxied)
        try (ServerSocket held = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                TestingForwarder forwarder = new TestingForwarder()) {
            RiggedPortPicker picker = new RiggedPortPicker(2, held.getLocalPort());
            try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir)
                    .withProxiedListener(LOOPBACK, forwarder.port()).withPortPicker(picker))) {

                // When the broker starts
                broker.start();

                // Then it bound fresh ports on a second attempt, and recorded the port it found taken
                assertThat(broker.takenPorts()).as("ports found taken").containsExactly(held.getLocalPort());
                assertThat(picker.handedOut()).as("candidates asked for: two attempts of three ports").hasSize(6);
                assertThat(broker.proxiedPort()).as("proxied port").isNotEqualTo(held.getLocalPort())
                        .isEqualTo(picker.handedOut().get(5));
                // And it serves through the forwarder on the port it bound
                forwarder.forwardTo(broker.proxiedPort());
                assertThat(brokers(LOOPBACK + ":" + forwarder.port())).as("brokers asked through the forwarder")
                        .extracting(Node::port).containsExactly(forwarder.port());
            }
        }
    }

    private static List<Node> brokers(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(props)) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(20, TimeUnit.SECONDS);
            return List.copyOf(nodes);
        }
    }

    /** Reads {@code topic} from the beginning until {@code expected} records came (20 s at most); how many came. */
    private static int readAll(String bootstrap, String topic, int partitions, long expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> assigned = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                }
            }
            return read;
        }
    }
}
