package io.streamstress.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.PartitionPlan;
import io.streamstress.kafka.producer.ProducerSettings;
import io.streamstress.kafka.topic.TopicAdmin;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaClusterITCase {

    private static final String TOPIC = "replicated";
    private static final int PARTITIONS = 3;

    @TempDir
    Path dir;

    @Test
    void aKilledLeaderIsReplacedWhileProducingGoesOnAndTheRestartedBrokerCatchesUp() throws Exception {
        // Given a cluster of 3 brokers, a topic of 3 partitions on 3 replicas, and messages produced with acks=all
        try (EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(ClusterSettings.loopback(dir, 3))) {
            long startedAt = System.nanoTime();
            cluster.start();
            System.out.printf("cluster of 3 started in %d ms%n", millisSince(startedAt));
            assertThat(cluster.brokerIds()).as("broker ids").containsExactly(1, 2, 3);
            assertThat(cluster.bootstrapServers().split(",")).as("bootstrap servers: every broker").hasSize(3);
            try (TopicAdmin admin = new TopicAdmin(cluster.bootstrapServers(), Duration.ofSeconds(30))) {
                admin.createTopic(TOPIC, PARTITIONS, (short) 3);
            }
            cluster.awaitInSync(TOPIC, Duration.ofSeconds(20));
            PartitionPlan plan = new PartitionPlan(3_000, PARTITIONS);
            assertThat(produce(cluster, plan)).as("acked before the kill").containsExactly(plan.messagesPerPartition());
            int leader = cluster.leaderOf(TOPIC, 0).orElseThrow();
            int[] leaders = cluster.leaders(TOPIC);
            assertThat(leaders).as("every partition's leader, by partition").hasSize(PARTITIONS);
            assertThat(cluster.brokerIds()).as("brokers leading").containsAll(IntStream.of(leaders).boxed().toList());
            assertThat(leaders[0]).as("partition 0's leader, by either call").isEqualTo(leader);

            // When the leader of partition 0 is killed
            long killedAt = System.nanoTime();
            cluster.kill(leader);
            long killMs = millisSince(killedAt);

            // Then another broker leads partition 0 within seconds
            int newLeader = awaitLeaderOtherThan(cluster, leader, Duration.ofSeconds(15));
            long electionMs = millisSince(killedAt);
            System.out.printf("leader re-election after kill: %d ms (partition 0: broker %d -> %d; the kill itself "
                    + "took %d ms)%n", electionMs, leader, newLeader, killMs);
            assertThat(newLeader).as("new leader of partition 0").isNotEqualTo(leader).isIn(cluster.brokerIds());
            assertThat(cluster.leaders(TOPIC)[0]).as("partition 0's new leader in the list of all").isEqualTo(newLeader);
            assertThat(cluster.isRunning(leader)).as("killed broker runs").isFalse();
            assertThat(Files.exists(cleanShutdownMarker(leader))).as("killed broker's clean-shutdown marker").isFalse();

            // And producing with acks=all (2 of 3 in sync is min.insync.replicas) and consuming go on
            long producedAt = System.nanoTime();
            assertThat(produce(cluster, plan)).as("acked with a broker down").containsExactly(plan.messagesPerPartition());
            System.out.printf("produced %d messages with acks=all on 2 of 3 brokers in %d ms%n", plan.messages(),
                    millisSince(producedAt));
            try (TopicAdmin admin = new TopicAdmin(cluster.bootstrapServers(), Duration.ofSeconds(30))) {
                assertThat(admin.endOffsets(TOPIC, PARTITIONS)).as("end offsets with a broker down")
                        .containsExactly(IntStream.range(0, PARTITIONS).mapToLong(p -> 2 * plan.messagesFor(p)).toArray());
            }
            assertThat(readAll(cluster.bootstrapServers(), 2 * plan.messages())).as("messages read with a broker down")
                    .isEqualTo(2 * plan.messages());

            // When the killed broker restarts on its data dir and ports
            BrokerSettings before = cluster.brokerSettings(leader);
            long restartedAt = System.nanoTime();
            cluster.restart(leader);
            long restartMs = millisSince(restartedAt);
            cluster.awaitInSync(TOPIC, Duration.ofSeconds(30));
            long inSyncMs = millisSince(restartedAt);
            System.out.printf("ISR back to 3 after restart: %d ms (the restart itself, until the broker was unfenced, "
                    + "took %d ms)%n", inSyncMs, restartMs);

            // Then it runs on the same ports, and every partition's ISR holds all 3 replicas again
            assertThat(cluster.isRunning(leader)).as("restarted broker runs").isTrue();
            assertThat(cluster.brokerSettings(leader)).as("restarted broker's settings: same ports").isEqualTo(before);
            assertThat(cluster.leaderOf(TOPIC, 0)).as("partition 0 has a leader").isPresent();
        }
        // And the brokers closed at the end shut down cleanly (the marker the kill removes is Kafka's)
        for (int id = 1; id <= 3; id++) {
            assertThat(Files.exists(cleanShutdownMarker(id))).as("clean-shutdown marker of broker %d after close", id)
                    .isTrue();
        }
    }

    @Test
    void aClusterOfOneServesTopicsOfOneReplica() throws Exception {
        // Given a cluster of 1
        try (EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(ClusterSettings.loopback(dir, 1))) {
            // When it starts and a topic of 2 partitions is made and written
            cluster.start();
            try (TopicAdmin admin = new TopicAdmin(cluster.bootstrapServers(), Duration.ofSeconds(30))) {
                admin.createTopic(TOPIC, 2, (short) 1);
            }
            PartitionPlan plan = new PartitionPlan(100, 2);
            new LoadProducer(ProducerSettings.of(cluster.bootstrapServers(), TOPIC, plan)).run();

            // Then its one broker leads every partition, which is in sync
            assertThat(cluster.brokerIds()).as("broker ids").containsExactly(1);
            assertThat(cluster.leaderOf(TOPIC, 1)).as("leader of partition 1").hasValue(1);
            cluster.awaitInSync(TOPIC, Duration.ofSeconds(10));
        }
    }

    @Test
    void aPortTakenBeforeANodeBindsItStartsTheClusterAgainWithThatNodeOnFreshPorts() throws Exception {
        // Given a port held by the test and handed to the cluster as node 3's controller port (candidates are asked
        // for node by node, client port then controller port)
        try (ServerSocket held = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RiggedPortPicker picker = new RiggedPortPicker(5, held.getLocalPort());
            try (EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(
                    ClusterSettings.loopback(dir, 3).withPortPicker(picker))) {

                // When the cluster starts
                long startedAt = System.nanoTime();
                cluster.start();
                System.out.printf("cluster of 3 started past a taken port in %d ms%n", millisSince(startedAt));

                // Then all nodes started again, node 3 on fresh candidates, nodes 1 and 2 on the ports they had bound,
                // and the taken port was recorded
                assertThat(cluster.takenPorts()).as("ports found taken").containsExactly(held.getLocalPort());
                List<Integer> handedOut = picker.handedOut();
                assertThat(handedOut).as("candidates asked for: 3 nodes of two ports, then node 3's two again")
                        .hasSize(8);
                assertThat(List.of(cluster.brokerSettings(1).brokerPort(), cluster.brokerSettings(1).controllerPort(),
                        cluster.brokerSettings(2).brokerPort(), cluster.brokerSettings(2).controllerPort()))
                        .as("ports of nodes 1 and 2: their first candidates").isEqualTo(handedOut.subList(0, 4));
                assertThat(List.of(cluster.brokerSettings(3).brokerPort(), cluster.brokerSettings(3).controllerPort()))
                        .as("ports of node 3: its second candidates").isEqualTo(handedOut.subList(6, 8));
                // And the cluster takes a topic of 3 replicas
                try (TopicAdmin admin = new TopicAdmin(cluster.bootstrapServers(), Duration.ofSeconds(30))) {
                    admin.createTopic(TOPIC, 1, (short) 3);
                }
                cluster.awaitInSync(TOPIC, Duration.ofSeconds(20));
            }
        }
    }

    private Path cleanShutdownMarker(int brokerId) {
        return dir.resolve("node-" + brokerId).resolve(KafkaNode.LOG_DIR).resolve(KafkaNode.CLEAN_SHUTDOWN_FILE);
    }

    private static long[] produce(EmbeddedKafkaCluster cluster, PartitionPlan plan) throws Exception {
        return new LoadProducer(ProducerSettings.of(cluster.bootstrapServers(), TOPIC, plan)).run().ackedPerPartition();
    }

    private static int awaitLeaderOtherThan(EmbeddedKafkaCluster cluster, int old, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalInt leader = cluster.leaderOf(TOPIC, 0);
            if (leader.isPresent() && leader.getAsInt() != old) {
                return leader.getAsInt();
            }
            Thread.sleep(20);
        }
        return old;
    }

    /** Reads the topic from the beginning until {@code expected} records came (20 s at most); how many came. */
    private static long readAll(String bootstrap, long expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> assigned = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(TOPIC, p))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read < expected && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return read;
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
