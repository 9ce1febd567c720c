package io.streamstress.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.PartitionPlan;
import io.streamstress.kafka.producer.ProduceResult;
import io.streamstress.kafka.producer.ProducerSettings;
import io.streamstress.kafka.record.StressRecord;
import io.streamstress.kafka.record.StressRecordCodec;
import io.streamstress.kafka.topic.TopicAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

            // When the load producer runs
            ProduceResult result = new LoadProducer(
                    ProducerSettings.of(broker.bootstrapServers(), "load", plan).withRecordSize(64)).run();

            // Then every partition got exactly its share, and the topic says the same
            assertThat(result.ackedPerPartition()).as("acked").containsExactly(plan.messagesPerPartition());
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                assertThat(admin.endOffsets("load", 4)).as("end offsets").containsExactly(plan.messagesPerPartition());
            }
            // And partition 3 holds sequences 0.. in order, offset = sequence
            assertThat(firstRecords(broker.bootstrapServers(), 3, 3)).as("partition 3 head")
                    .extracting(StressRecord::sequence).containsExactly(0L, 1L, 2L);

            // When the broker stops and starts again on the same data dir
            broker.stop();
            broker.start();

            // Then the data is still there
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
                assertThat(admin.endOffsets("load", 4)).as("end offsets after restart")
                        .containsExactly(plan.messagesPerPartition());
            }
        }
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
