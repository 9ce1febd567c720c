package io.streamstress.runner.config;

import io.streamstress.kafka.broker.ClusterSettings;
import io.streamstress.kafka.client.KafkaClientProperties;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kafka a run writes to and reads from: external ({@code --bootstrap-servers}) or embedded, one broker or three
 * ({@code --brokers}), and the topic it creates there. Validated on construction with messages that name the option.
 *
 * @param bootstrapServers external Kafka, or empty for the embedded brokers
 * @param brokers how many embedded brokers: 1, or 3 (a quorum that outlives one of them); 1 with external Kafka
 * @param replicationFactor replicas of each partition of the topic; {@link #DEFAULT_REPLICATION_FACTOR} (0) for as many
 *     as there are embedded brokers, or the brokers' {@code default.replication.factor} on an external Kafka
 * @param topic topic name, or empty for {@code stress-<run id>}
 * @param groupId consumer group the source commits its offsets to
 * @param client client properties for every Kafka client of the run and the job ({@code --kafka-config}: SASL, TLS);
 *     only with external Kafka (the embedded brokers are plaintext)
 */
public record KafkaSettings(Optional<String> bootstrapServers, int brokers, int replicationFactor, Optional<String> topic,
        String groupId, KafkaClientProperties client) {

    public static final int DEFAULT_BROKERS = 1;
    /** As many replicas as embedded brokers; the brokers' own default on an external Kafka. */
    public static final int DEFAULT_REPLICATION_FACTOR = 0;
    public static final String DEFAULT_GROUP_ID = "streamstress";

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(client, "client");
        require(client.isEmpty() || bootstrapServers.isPresent(),
                "--kafka-config configures the clients of your own Kafka (SASL, TLS): add --bootstrap-servers (the "
                        + "embedded brokers are plaintext)");
        require(ClusterSettings.SIZES.contains(brokers), "--brokers must be 1 or 3, was " + brokers
                + ": every embedded broker is a KRaft controller too, and a quorum of 2 loses its majority when one "
                + "of them is killed");
        require(brokers == 1 || bootstrapServers.isEmpty(),
                "--brokers starts embedded brokers: drop it, or drop --bootstrap-servers (your Kafka has its own)");
        require(replicationFactor >= 0 && replicationFactor <= Short.MAX_VALUE,
                "--replication-factor must be 0 (the default) or positive, was " + replicationFactor);
        require(bootstrapServers.isPresent() || replicationFactor <= brokers,
                "--replication-factor " + replicationFactor + " needs as many brokers, the embedded Kafka has " + brokers
                        + ": add --brokers 3");
        require(!groupId.isBlank(), "--group-id must not be blank");
        bootstrapServers.ifPresent(servers -> require(servers.matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*"),
                "--bootstrap-servers must be host:port[,host:port…], was '" + servers + "'"));
        topic.ifPresent(name -> require(name.matches("[a-zA-Z0-9._-]{1,249}"),
                "--topic may use letters, digits, '.', '_' and '-' (at most 249), was '" + name + "'"));
    }

    /** Settings with no client properties of the user's (a plaintext Kafka). */
    public KafkaSettings(Optional<String> bootstrapServers, int brokers, int replicationFactor, Optional<String> topic,
            String groupId) {
        this(bootstrapServers, brokers, replicationFactor, topic, groupId, KafkaClientProperties.NONE);
    }

    /** The embedded Kafka of {@code brokers} brokers, the topic named after the run, the default group. */
    public static KafkaSettings embedded(int brokers) {
        return new KafkaSettings(Optional.empty(), brokers, DEFAULT_REPLICATION_FACTOR, Optional.empty(), DEFAULT_GROUP_ID);
    }

    /** How many brokers the run starts itself: 0 with external Kafka. */
    public int embeddedBrokers() {
        return bootstrapServers.isPresent() ? 0 : brokers;
    }

    /** The topic's replication factor to ask for: empty for the brokers' default (external Kafka, none given). */
    public Optional<Short> replication() {
        if (replicationFactor > 0) {
            return Optional.of((short) replicationFactor);
        }
        return bootstrapServers.isPresent() ? Optional.empty() : Optional.of((short) brokers);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
