package io.streamstress.runner.job;

import io.streamstress.kafka.client.KafkaClientProperties;
import io.streamstress.redis.client.RedisUris;
import io.streamstress.runner.config.Delivery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

/**
 * The arguments of {@link StressJobMain}, the job's entry point for {@code flink run}: parsed with Flink's own
 * {@link ParameterTool} ({@code --key value}), checked with messages that name the argument.
 *
 * @param bootstrapServers the Kafka to read
 * @param topic the topic to read (it must exist)
 * @param redisUri the Redis to count in
 * @param runId the run's id: its Redis keys are {@code streamstress:<run id>}
 * @param parallelism the job's parallelism, empty for one subtask per partition of the topic
 * @param groupId the consumer group the source commits its offsets to
 * @param checkpointInterval time between checkpoints (the exactly-once sink commits on each)
 * @param checkpointDir where checkpoints go, empty for the cluster's own {@code execution.checkpointing.dir}
 * @param delivery the sink's guarantee
 * @param messages where the bounded source stops: after this many messages spread over the partitions as
 *     {@code produce-messages} spreads them (so the job may start before they are produced); empty for the
 *     topic's end offsets when the job starts (the topic must be filled first)
 * @param connectTimeout how long Kafka may take to answer when the job reads the topic's size
 * @param kafkaClient Kafka client properties from {@code --kafka-config FILE} (SASL, TLS), read where the job is
 *     submitted and carried in its graph
 */
public record JobArguments(String bootstrapServers, String topic, String redisUri, String runId,
        Optional<Integer> parallelism, String groupId, Duration checkpointInterval, Optional<String> checkpointDir,
        Delivery delivery, Optional<Long> messages, Duration connectTimeout, KafkaClientProperties kafkaClient) {

    public static final String DEFAULT_GROUP_ID = "streamstress";
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration MIN_CHECKPOINT_INTERVAL = Duration.ofMillis(10);

    /** One line on what the job takes, for every usage error. */
    public static final String USAGE = "arguments: --bootstrap-servers HOST:PORT --topic NAME --redis-uri "
            + "redis://HOST:PORT --run-id ID [--parallelism N] [--group-id GROUP] [--checkpoint-interval 1s] "
            + "[--checkpoint-dir URI] [--delivery exactly-once|at-least-once|at-most-once] [--messages N] "
            + "[--connect-timeout 20s] [--kafka-config FILE]";

    /** What {@link ParameterTool} stores for a key given without a value (its own constant is protected). */
    private static final String NO_VALUE = "__NO_VALUE_KEY";

    private static final Set<String> KNOWN = Set.of("bootstrap-servers", "topic", "redis-uri", "run-id", "parallelism",
            "group-id", "checkpoint-interval", "checkpoint-dir", "delivery", "messages", "connect-timeout", "kafka-config");

    /**
     * @throws IllegalArgumentException naming the argument that is missing or wrong, followed by {@link #USAGE}
     */
    public static JobArguments parse(String[] args) {
        ParameterTool params;
        try {
            params = ParameterTool.fromArgs(args);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        for (String key : params.toMap().keySet()) {
            if (!KNOWN.contains(key)) {
                throw usage("unknown argument --" + key);
            }
        }
        String bootstrapServers = required(params, "bootstrap-servers");
        if (!bootstrapServers.matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*")) {
            throw usage("--bootstrap-servers must be host:port[,host:port…], was '" + bootstrapServers + "'");
        }
        String redisUri = required(params, "redis-uri");
        try {
            RedisUris.parse(redisUri);
        } catch (IllegalArgumentException e) {
            throw usage("--redis-uri " + e.getMessage());
        }
        String runId = required(params, "run-id");
        if (!runId.matches("[A-Za-z0-9._:-]+")) {
            throw usage("--run-id may use letters, digits, '.', '_', ':' and '-', was '" + runId + "'");
        }
        Optional<Integer> parallelism = optional(params, "parallelism")
                .map(text -> (int) positive("parallelism", text, Integer.MAX_VALUE));
        Duration interval = optional(params, "checkpoint-interval").map(text -> duration("checkpoint-interval", text))
                .orElse(DEFAULT_CHECKPOINT_INTERVAL);
        if (interval.compareTo(MIN_CHECKPOINT_INTERVAL) < 0) {
            throw usage("--checkpoint-interval must be at least " + MIN_CHECKPOINT_INTERVAL.toMillis() + "ms");
        }
        Delivery delivery;
        try {
            delivery = Delivery.parse(optional(params, "delivery").orElse(Delivery.EXACTLY_ONCE.toString()));
        } catch (IllegalArgumentException e) {
            throw usage("--delivery: " + e.getMessage());
        }
        Optional<Long> messages = optional(params, "messages").map(text -> positive("messages", text, Long.MAX_VALUE));
        Duration connectTimeout = optional(params, "connect-timeout").map(text -> duration("connect-timeout", text))
                .orElse(DEFAULT_CONNECT_TIMEOUT);
        KafkaClientProperties kafkaClient;
        try {
            kafkaClient = optional(params, "kafka-config").map(file -> KafkaClientProperties.load(Path.of(file)))
                    .orElse(KafkaClientProperties.NONE);
        } catch (IllegalArgumentException e) {
            throw usage("--kafka-config " + e.getMessage());
        }
        return new JobArguments(bootstrapServers, required(params, "topic"), redisUri, runId, parallelism,
                optional(params, "group-id").orElse(DEFAULT_GROUP_ID), interval, optional(params, "checkpoint-dir"),
                delivery, messages, connectTimeout, kafkaClient);
    }

    private static String required(ParameterTool params, String key) {
        return optional(params, key).orElseThrow(() -> usage("--" + key + " is required"));
    }

    private static Optional<String> optional(ParameterTool params, String key) {
        String value = params.get(key);
        if (params.has(key) && (value == null || value.isBlank() || NO_VALUE.equals(value))) {
            throw usage("--" + key + " needs a value");
        }
        return Optional.ofNullable(value);
    }

    private static long positive(String key, String text, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage("--" + key + " must be a positive whole number, was '" + text + "'");
    }

    private static Duration duration(String key, String text) {
        try {
            return TimeUtils.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw usage("--" + key + " must be a duration such as 500ms or 2s, was '" + text + "'");
        }
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + " (" + USAGE + ")");
    }
}
