package io.streamstress.kafka.source;

import io.streamstress.kafka.client.KafkaClientProperties;
import io.streamstress.kafka.record.StressRecord;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.common.TopicPartition;

/**
 * Builds the job's {@link KafkaSource}: offsets live in Flink's checkpoint state (and are committed to the
 * consumer group when a checkpoint completes, for lag tools), reading starts at the earliest offset of a
 * fresh topic, and the source is bounded by the offsets the producer's plan will reach, so the job ends by
 * itself once everything planned has been read.
 */
public final class StressSourceFactory {

    private StressSourceFactory() {}

    /**
     * @param bootstrapServers Kafka bootstrap servers
     * @param topic topic to read
     * @param groupId consumer group the offsets are committed to on checkpoint
     * @param stoppingOffsets per partition, the offset at which the source stops reading
     */
    public static KafkaSource<StressRecord> create(
            String bootstrapServers, String topic, String groupId, Map<TopicPartition, Long> stoppingOffsets) {
        return create(bootstrapServers, topic, groupId, stoppingOffsets, KafkaClientProperties.NONE);
    }

    /** {@link #create(String, String, String, Map)} with the user's client properties (SASL, TLS) on top. */
    public static KafkaSource<StressRecord> create(String bootstrapServers, String topic, String groupId,
            Map<TopicPartition, Long> stoppingOffsets, KafkaClientProperties client) {
        return KafkaSource.<StressRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setClientIdPrefix("streamstress-" + groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.offsets(stoppingOffsets))
                .setDeserializer(new StressRecordDeserializer())
                .setProperties(client.applyTo(consumerProperties()))
                .build();
    }

    /**
     * The source's consumer settings beyond topic, group and offsets; public so that a peer job (the
     * benchmark's bare Flink job) reads with exactly the same.
     */
    public static Properties consumerProperties() {
        Properties props = new Properties();
        props.setProperty("commit.offsets.on.checkpoint", "true");
        // One JVM hosts many readers: their per-consumer JMX metric names would collide.
        props.setProperty("register.consumer.metrics", "false");
        props.setProperty("fetch.min.bytes", "65536");
        props.setProperty("fetch.max.wait.ms", "50");
        props.setProperty("max.poll.records", "5000");
        return props;
    }
}
