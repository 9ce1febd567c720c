package io.streamstress.runner.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.checkpoints.StateBackendKind;
import io.streamstress.kafka.producer.TrafficPattern;
import io.streamstress.kafka.topic.TopicAdmin;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.runner.config.ChaosSettings;
import io.streamstress.runner.config.ClusterChoice;
import io.streamstress.runner.config.InfraSettings;
import io.streamstress.runner.config.Delivery;
import io.streamstress.runner.config.KafkaSettings;
import io.streamstress.runner.config.StressConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureITCase {

    @TempDir
    Path tmp;

    @Test
    void aResumeWhoseOldPortsWereTakenStartsItsServersOnFreshPortsWithTheirData() throws Exception {
        // Given a run whose embedded servers wrote a topic and a key, then stopped (as a killed run's data stays)
        RunDirectory dir = RunDirectory.create(Optional.of(tmp.resolve("run")));
        RunSettings first;
        try (Infrastructure infra = Infrastructure.start(config(), dir, new Console(new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)), Optional.empty())) {
            first = infra.settingsFor(dir.runId(), List.of("--messages", "200"));
            try (TopicAdmin admin = new TopicAdmin(infra.bootstrapServers(), Duration.ofSeconds(30))) {
                admin.createTopic("kept", 2, (short) 1);
            }
            try (RedisConnections redis = RedisConnections.open(infra.redisUri(), Duration.ofSeconds(5))) {
                redis.connection().sync().set("kept", "yes");
            }
        }
        // And its Redis port and its broker's controller port taken by someone else meanwhile
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket redisTaken = new ServerSocket(first.redisPort(), 50, loopback);
                ServerSocket controllerTaken = new ServerSocket(first.controllerPort(), 50, loopback)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            // When the run resumes on those settings
            try (Infrastructure infra = Infrastructure.start(config(), dir,
                    new Console(new PrintStream(out, true, StandardCharsets.UTF_8)), Optional.of(first))) {
                RunSettings now = infra.settingsFor(dir.runId(), first.args());

                // Then both servers came up on fresh ports, Redis with its password
                assertThat(now.redisPort()).as("Redis port").isNotEqualTo(first.redisPort());
                assertThat(now.controllerPort()).as("controller port").isNotEqualTo(first.controllerPort());
                assertThat(now.redisPassword()).as("Redis password").isEqualTo(first.redisPassword());
                // And they serve the run's data
                try (TopicAdmin admin = new TopicAdmin(infra.bootstrapServers(), Duration.ofSeconds(30))) {
                    assertThat(admin.endOffsets("kept", 2)).as("topic on fresh ports").containsExactly(0L, 0L);
                }
                try (RedisConnections redis = RedisConnections.open(infra.redisUri(), Duration.ofSeconds(5))) {
                    assertThat(redis.connection().sync().get("kept")).as("key from the AOF").isEqualTo("yes");
                }
                // And the console said why
                assertThat(out.toString(StandardCharsets.UTF_8)).as("console")
                        .contains("the run's port " + first.redisPort() + " was taken: a fresh port")
                        .contains("the run's ports " + first.brokerPort() + "/" + first.controllerPort()
                                + " were taken: fresh ports");
            }
        }
    }

    private static StressConfig config() {
        return new StressConfig(200, 2, 100, 0, false, 1, 2, Duration.ofSeconds(1), StateBackendKind.HASHMAP,
                Delivery.EXACTLY_ONCE, ChaosSettings.none(), Map.of(), new KafkaSettings(Optional.empty(), 1, 0, Optional.empty(), "g"),
                Optional.empty(), Optional.empty(), false, Duration.ofMinutes(1),
                Duration.ofSeconds(5), Optional.empty(), Optional.empty(), TrafficPattern.NONE, 0, ClusterChoice.DEFAULT,
                InfraSettings.EMBEDDED);
    }
}
