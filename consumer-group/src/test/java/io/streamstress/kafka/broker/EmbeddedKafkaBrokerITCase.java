package io.streamstress.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.PartitionPlan;
import io.streamstress.kafka.producer.ProduceResult;
import io.streamstress.kafka.producer.ProducerSettings;
import io.streamstress.kafka.record.StressRecord;
import io.streamstress.kafka.record.StressRecordCodec;
import io.streamstress.kafka.topic.TopicAdmin;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedKafkaBrokerITCase {

    @TempDir
    Path dir;

    @Test
    void producesThePlanAndKeepsItAcrossARestart() throws Exception {
        // Given an embedded broker and a 4-partition topic
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir))) {
            broker.start();
            assertThat(broker.bootstrapServers()).as("bound to loopback").startsWith("127.0.0.1:");
            PartitionPlan plan = new PartitionPlan(10_003, 4);
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                admin.createTopic("load", 4, (short) 1);
            }

            // When the load producer runs, asked before every batch where nothing was handed to the client yet
            LoadProducer producer = new LoadProducer(
                    ProducerSettings.of(broker.bootstrapServers(), "load", plan).withRecordSize(64));
            List<long[]> unsentAtGate = new java.util.concurrent.CopyOnWriteArrayList<>();
            producer.withGate(id -> unsentAtGate.add(new long[] {id, producer.unsentFrom()}));
            ProduceResult result = producer.run();

            // Then every partition got exactly its share, and the topic says the same
            assertThat(result.ackedPerPartition()).as("acked").containsExactly(plan.messagesPerPartition());
            assertThat(unsentAtGate).as("at each batch, nothing from its first id on was handed over yet")
                    .hasSize((int) (plan.messages() / LoadProducer.GATE_STEP) + 1)
                    .allSatisfy(at -> assertThat(at[1]).as("unsent from, at message %d", at[0]).isEqualTo(at[0]));
            assertThat(producer.unsentFrom()).as("unsent from, after the run: nothing left").isEqualTo(plan.messages());
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                assertThat(admin.endOffsets("load", 4)).as("end offsets").containsExactly(plan.messagesPerPartition());
            }
            // And partition 3 holds sequences 0.. in order, offset = sequence
            assertThat(firstRecords(broker.bootstrapServers(), 3, 3)).as("partition 3 head")
                    .extracting(StressRecord::sequence).containsExactly(0L, 1L, 2L);
            long servedBeforeRestart = broker.bytesServed("load");
            assertThat(servedBeforeRestart).as("bytes the broker served to that consumer").isPositive();

            // When the broker stops and starts again on the same data dir
            broker.stop();
            broker.start();
            assertThat(broker.bytesServed("load")).as("served, before anyone fetched from the restarted broker")
                    .isEqualTo(servedBeforeRestart);

            // Then the data is still there
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                assertThat(admin.endOffsets("load", 4)).as("end offsets after restart")
                        .containsExactly(plan.messagesPerPartition());
            }
            // And a fetch answered by the restarted broker shows as more bytes served
            firstRecords(broker.bootstrapServers(), 3, 3);
            assertThat(broker.bytesServed("load")).as("served after a fetch from the restarted broker")
                    .isGreaterThan(servedBeforeRestart);
        }
    }

    @Test
    void pacedProducerStampsItsScheduleAndLagFollowsTheGroupsOffsets() throws Exception {
        // Given an embedded broker, a 2-partition topic and a producer paced at 2,000 msg/s
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir))) {
            broker.start();
            PartitionPlan plan = new PartitionPlan(1_000, 2);
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                admin.createTopic("paced", 2, (short) 1);
            }
            List<long[]> observed = new java.util.concurrent.CopyOnWriteArrayList<>();

            // When it produces, observing every 100th message
            new LoadProducer(ProducerSettings.of(broker.bootstrapServers(), "paced", plan).withRatePerSecond(2_000))
                    .withSendObserver(100, (partition, sequence, producedAt, intendedAt) ->
                            observed.add(new long[] {partition, sequence, producedAt, intendedAt}))
                    .run();

            // Then every observed message was due 50 ms (100 messages at 2,000 msg/s) after the one before (less
            // the few µs the producer spends asking its gate, which the schedule leaves out), none sent before due
            assertThat(observed).as("observed messages").hasSize(10);
            for (int i = 1; i < observed.size(); i++) {
                assertThat(observed.get(i)[3] - observed.get(i - 1)[3]).as("schedule step %d in µs", i)
                        .isCloseTo(50_000, org.assertj.core.api.Assertions.within(200L));
            }
            assertThat(observed).as("sent no earlier than due").allSatisfy(o -> assertThat(o[2]).isGreaterThanOrEqualTo(o[3]));

            // When a group commits offsets 100 and 0 (nothing) on the two partitions
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(groupConsumer(broker.bootstrapServers()))) {
                consumer.commitSync(java.util.Map.of(new TopicPartition("paced", 0),
                        new org.apache.kafka.clients.consumer.OffsetAndMetadata(100)));
            }

            // Then the lag is what is left behind each committed offset
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                assertThat(admin.consumerLag("lag-group", "paced", 2)).as("lag per partition").containsExactly(400, 500);
            }
        }
    }

    @ParameterizedTest(name = "{0} listener")
    @ValueSource(strings = {"client", "controller"})
    void aPortTakenBeforeTheBrokerBindsItIsRetriedOnFreshPorts(String listener) throws Exception {
        // Given a port held by the test and handed to the broker as its first candidate for the listener
        // (the picker is asked for the client listener's port, then the controller's)
        try (ServerSocket held = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RiggedPortPicker picker = new RiggedPortPicker(listener.equals("client") ? 0 : 1, held.getLocalPort());
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir).withPortPicker(picker))) {

                // When the broker starts
                broker.start();

                // Then it bound fresh ports on a second attempt, and recorded the port it found taken
                assertThat(broker.settings().brokerPort()).as("client port").isNotEqualTo(held.getLocalPort());
                assertThat(broker.settings().controllerPort()).as("controller port").isNotEqualTo(held.getLocalPort());
                assertThat(picker.handedOut()).as("candidates asked for: two attempts of two ports").hasSize(4);
                assertThat(broker.takenPorts()).as("ports found taken").containsExactly(held.getLocalPort());
                // And it answers an admin call
                try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                    admin.createTopic("after-retry", 2, (short) 1);
                    assertThat(admin.endOffsets("after-retry", 2)).as("end offsets").containsExactly(0L, 0L);
                }
            }
            // And nothing of the failed attempt outlives the broker's stop
            assertThat(threadsStartedSince(before)).as("threads left by the broker").isEmpty();
        }
    }

    @Test
    void aTakenFixedPortFailsAsPortTakenAndTheDataDirServesOnFreshPorts() throws Exception {
        // Given a broker that made a topic and stopped, and its controller port then taken by someone else
        int controllerPort;
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir))) {
            broker.start();
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                admin.createTopic("kept", 2, (short) 1);
            }
            new LoadProducer(ProducerSettings.of(broker.bootstrapServers(), "kept", new PartitionPlan(100, 2))).run();
            controllerPort = broker.settings().controllerPort();
            broker.stop();
        }
        try (ServerSocket held = new ServerSocket(controllerPort, 50, InetAddress.getLoopbackAddress())) {
            // When a broker on the same data dir starts on those fixed ports (as a resume does)
            EmbeddedKafkaBroker fixed = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir).withPorts(freePort(), controllerPort));
            Throwable failure = catchThrowable(fixed::start);
            fixed.close();

            // Then it fails once, as a taken port, without trying other ports
            assertThat(BindFailure.isPortTaken(failure)).as("failure is a taken port: " + failure).isTrue();
            assertThat(BindFailure.takenPort(failure)).as("taken port").hasValue(controllerPort);

            // And a broker on fresh ports over the same data dir serves the data (a resume's fallback)
            try (EmbeddedKafkaBroker fresh = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir))) {
                fresh.start();
                assertThat(fresh.settings().controllerPort()).as("fresh controller port").isNotEqualTo(controllerPort);
                try (TopicAdmin admin = new TopicAdmin(fresh.bootstrapServers(), Duration.ofSeconds(30))) {
                    assertThat(admin.endOffsets("kept", 2)).as("end offsets on fresh ports").containsExactly(50L, 50L);
                }
            }
        }
    }

    /**
     * Threads started since {@code before} that are still alive a few seconds on (shutdown threads wind down),
     * but for Yammer's meter ticks: Kafka's default Yammer registry starts them once per JVM, on first use.
     */
    private static List<String> threadsStartedSince(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<String> left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t))
                    .filter(t -> !t.getName().startsWith("metrics-meter-tick-thread-"))
                    .map(Thread::getName)
                    .toList();
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() {
        return PortPicker.free().pick("127.0.0.1");
    }

    private static Properties groupConsumer(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", "lag-group");
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        return props;
    }

    private static List<StressRecord> firstRecords(String bootstrap, int partition, int n) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        props.put("max.poll.records", n);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition tp = new TopicPartition("load", partition);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            List<StressRecord> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < n && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    StressRecord record = StressRecordCodec.decode(r.value());
                    assertThat(r.offset()).as("offset equals sequence").isEqualTo(record.sequence());
                    if (records.size() < n) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }
}
