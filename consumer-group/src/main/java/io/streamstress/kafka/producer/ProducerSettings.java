package io.streamstress.kafka.producer;

import io.streamstress.kafka.client.KafkaClientProperties;
import io.streamstress.kafka.record.StressRecordCodec;
import java.util.Objects;

/**
 * How the load producer writes. Immutable; validated on construction.
 *
 * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port…]}
 * @param topic topic to write to (must exist with {@code plan.partitions()} partitions)
 * @param plan how many messages go to each partition
 * @param recordSize bytes per record value, at least {@link StressRecordCodec#HEADER_BYTES}
 * @param ratePerSecond messages per second at most; 0 for as fast as the broker takes them
 * @param lingerMs producer {@code linger.ms}
 * @param batchBytes producer {@code batch.size}
 * @param compression producer {@code compression.type}
 * @param trafficPattern how the rate changes over time ({@link TrafficPattern#NONE}: {@code ratePerSecond} all along)
 * @param client the user's client properties (SASL, TLS), on top of the producer's own
 */
public record ProducerSettings(
        String bootstrapServers,
        String topic,
        PartitionPlan plan,
        int recordSize,
        long ratePerSecond,
        int lingerMs,
        int batchBytes,
        String compression,
        TrafficPattern trafficPattern,
        KafkaClientProperties client) {

    public static final int DEFAULT_RECORD_SIZE = 100;
    public static final int DEFAULT_LINGER_MS = 5;
    public static final int DEFAULT_BATCH_BYTES = 256 * 1024;
    public static final String DEFAULT_COMPRESSION = "lz4";

    public ProducerSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(trafficPattern, "trafficPattern");
        Objects.requireNonNull(client, "client");
        if (recordSize < StressRecordCodec.HEADER_BYTES) {
            throw new IllegalArgumentException("record size must be at least " + StressRecordCodec.HEADER_BYTES
                    + " bytes to carry sequence, id and timestamp, was " + recordSize);
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("rate must be 0 (unlimited) or positive, was " + ratePerSecond);
        }
        if (lingerMs < 0 || batchBytes < 1) {
            throw new IllegalArgumentException("linger.ms must be >= 0 and batch.size >= 1");
        }
        if (trafficPattern.needsBaseRate() && ratePerSecond == 0) {
            throw new IllegalArgumentException("traffic windows given in % need a base rate: set the rate too");
        }
    }

    /** Settings for a plaintext Kafka. */
    public ProducerSettings(String bootstrapServers, String topic, PartitionPlan plan, int recordSize, long ratePerSecond,
            int lingerMs, int batchBytes, String compression, TrafficPattern trafficPattern) {
        this(bootstrapServers, topic, plan, recordSize, ratePerSecond, lingerMs, batchBytes, compression, trafficPattern,
                KafkaClientProperties.NONE);
    }

    /** Settings with the default record size, no rate limit and the default batching. */
    public static ProducerSettings of(String bootstrapServers, String topic, PartitionPlan plan) {
        return new ProducerSettings(bootstrapServers, topic, plan, DEFAULT_RECORD_SIZE, 0,
                DEFAULT_LINGER_MS, DEFAULT_BATCH_BYTES, DEFAULT_COMPRESSION, TrafficPattern.NONE);
    }

    public ProducerSettings withRecordSize(int size) {
        return new ProducerSettings(bootstrapServers, topic, plan, size, ratePerSecond, lingerMs, batchBytes, compression,
                trafficPattern, client);
    }

    public ProducerSettings withRatePerSecond(long rate) {
        return new ProducerSettings(bootstrapServers, topic, plan, recordSize, rate, lingerMs, batchBytes, compression,
                trafficPattern, client);
    }

    /** Whether the producer follows a schedule ({@code ratePerSecond} or a window with a rate). */
    public boolean scheduled() {
        return trafficPattern.limitsRate(ratePerSecond);
    }

    public ProducerSettings withTrafficPattern(TrafficPattern pattern) {
        return new ProducerSettings(bootstrapServers, topic, plan, recordSize, ratePerSecond, lingerMs, batchBytes,
                compression, pattern, client);
    }

    /** These settings with the user's client properties ({@code --kafka-config}). */
    public ProducerSettings withClient(KafkaClientProperties properties) {
        return new ProducerSettings(bootstrapServers, topic, plan, recordSize, ratePerSecond, lingerMs, batchBytes,
                compression, trafficPattern, properties);
    }
}
