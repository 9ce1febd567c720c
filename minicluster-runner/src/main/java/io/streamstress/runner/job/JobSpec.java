package io.streamstress.runner.job;

import io.streamstress.chaos.probe.ProbeChannel;
import io.streamstress.kafka.client.KafkaClientProperties;
import io.streamstress.redis.sink.CounterDelivery;
import io.streamstress.redis.sink.CounterKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * Everything the stress job is built from, wherever it runs (the embedded MiniCluster, a session cluster by
 * REST, or {@code flink run}): where it reads, where it counts, how wide it runs and with which Flink settings.
 *
 * @param jobName the job's name on the cluster
 * @param parallelism the job's parallelism (one subtask per partition is the intended shape)
 * @param bootstrapServers the Kafka the source reads
 * @param topic the topic it reads
 * @param groupId the consumer group the source commits its offsets to on checkpoints
 * @param stoppingOffsets per partition, the offset at which the bounded source stops
 * @param redisUri the Redis the sink counts in
 * @param keys the run's Redis keys
 * @param delivery the sink's guarantee (exactly-once, or a negative control)
 * @param flinkConfig job configuration on top of {@link StressJob#defaults()}: checkpointing, the user's
 *     {@code -D} settings (see {@link #withConfig})
 * @param probe the channel the job's chaos tap reports through (Redis when the harness runs elsewhere)
 * @param kafkaClient the user's Kafka client properties (SASL, TLS) for the source's consumers
 */
public record JobSpec(String jobName, int parallelism, String bootstrapServers, String topic, String groupId,
        Map<TopicPartition, Long> stoppingOffsets, String redisUri, CounterKeys keys, CounterDelivery delivery,
        Map<String, String> flinkConfig, ProbeChannel probe, KafkaClientProperties kafkaClient) {

    public JobSpec {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(kafkaClient, "kafkaClient");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (stoppingOffsets.isEmpty()) {
            throw new IllegalArgumentException("the source needs a stopping offset per partition, got none");
        }
        stoppingOffsets = Map.copyOf(stoppingOffsets);
        flinkConfig = Map.copyOf(flinkConfig);
    }

    /** This spec with {@code more} job configuration, which wins over what it has. */
    public JobSpec withConfig(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(flinkConfig);
        merged.putAll(more);
        return new JobSpec(jobName, parallelism, bootstrapServers, topic, groupId, stoppingOffsets, redisUri, keys,
                delivery, merged, probe, kafkaClient);
    }
}
