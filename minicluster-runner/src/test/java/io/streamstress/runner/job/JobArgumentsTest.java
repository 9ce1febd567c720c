package io.streamstress.runner.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamstress.kafka.client.KafkaClientProperties;
import io.streamstress.runner.config.Delivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {

    private static final List<String> REQUIRED = List.of("--bootstrap-servers", "kafka:9092", "--topic", "load",
            "--redis-uri", "redis://redis:6379", "--run-id", "r1");

    @Test
    void theFourRequiredArgumentsAreEnough() {
        // Given only the required arguments
        // When they are parsed
        JobArguments arguments = JobArguments.parse(args());

        // Then the rest has its defaults, and the job checkpoints exactly once every second
        assertThat(arguments).as("arguments").isEqualTo(new JobArguments("kafka:9092", "load", "redis://redis:6379", "r1",
                Optional.empty(), "streamstress", Duration.ofSeconds(1), Optional.empty(), Delivery.EXACTLY_ONCE,
                Optional.empty(), Duration.ofSeconds(20), KafkaClientProperties.NONE));
        Configuration checkpointing = Configuration.fromMap(StressJobMain.checkpointing(arguments));
        assertThat(checkpointing.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).as("interval")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(checkpointing.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).as("directory: the cluster's")
                .isEmpty();
    }

    @Test
    void everyOptionalArgumentIsTaken() {
        // Given every optional argument
        // When they are parsed
        JobArguments arguments = JobArguments.parse(args("--parallelism", "4", "--group-id", "g", "--checkpoint-interval",
                "500ms", "--checkpoint-dir", "s3://bucket/cp", "--delivery", "at-least-once", "--messages", "5000000000",
                "--connect-timeout", "5s"));

        // Then each is there
        assertThat(arguments.parallelism()).as("parallelism").hasValue(4);
        assertThat(arguments.groupId()).as("group").isEqualTo("g");
        assertThat(arguments.checkpointInterval()).as("interval").isEqualTo(Duration.ofMillis(500));
        assertThat(arguments.checkpointDir()).as("checkpoint dir").hasValue("s3://bucket/cp");
        assertThat(arguments.delivery()).as("delivery").isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(arguments.messages()).as("messages").hasValue(5_000_000_000L);
        assertThat(arguments.connectTimeout()).as("connect timeout").isEqualTo(Duration.ofSeconds(5));
        assertThat(Configuration.fromMap(StressJobMain.checkpointing(arguments))
                .get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).as("directory").isEqualTo("s3://bucket/cp");
    }

    @Test
    void aMissingOrWrongArgumentIsNamedWithTheUsage() {
        // Given arguments with one thing wrong each
        // When they are parsed
        // Then the error names it and ends with the usage line
        assertRefused(List.of("--topic", "load", "--redis-uri", "redis://r:1", "--run-id", "r1"),
                "--bootstrap-servers is required");
        assertRefused(args("--parallelism", "0"), "--parallelism must be a positive whole number, was '0'");
        assertRefused(args("--messages", "many"), "--messages must be a positive whole number, was 'many'");
        assertRefused(args("--checkpoint-interval", "soon"), "--checkpoint-interval must be a duration");
        assertRefused(args("--checkpoint-interval", "1ms"), "--checkpoint-interval must be at least 10ms");
        assertRefused(args("--delivery", "twice"), "--delivery: unknown delivery 'twice'");
        assertRefused(args("--parralelism", "2"), "unknown argument --parralelism");
        assertRefused(args("--group-id"), "--group-id needs a value");
        assertRefused(List.of("--bootstrap-servers", "kafka", "--topic", "t", "--redis-uri", "redis://r:1", "--run-id", "r"),
                "--bootstrap-servers must be host:port");
        assertRefused(List.of("--bootstrap-servers", "k:1", "--topic", "t", "--redis-uri", "http://r:1", "--run-id", "r"),
                "--redis-uri");
        assertRefused(List.of("--bootstrap-servers", "k:1", "--topic", "t", "--redis-uri", "redis://r:1", "--run-id", "a b"),
                "--run-id may use");
    }

    private static void assertRefused(List<String> args, String problem) {
        assertThatThrownBy(() -> JobArguments.parse(args.toArray(String[]::new))).as("%s", args)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem)
                .hasMessageEndingWith("(" + JobArguments.USAGE + ")");
    }

    private static String[] args(String... more) {
        List<String> all = new ArrayList<>(REQUIRED);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<String> args(String key, String value) {
        List<String> all = new ArrayList<>(REQUIRED);
        all.addAll(List.of(key, value));
        return all;
    }

    private static List<String> args(String key) {
        List<String> all = new ArrayList<>(REQUIRED);
        all.add(key);
        return all;
    }
}
