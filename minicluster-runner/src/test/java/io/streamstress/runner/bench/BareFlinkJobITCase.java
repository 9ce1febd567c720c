package io.streamstress.runner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.kafka.broker.BrokerSettings;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.PartitionPlan;
import io.streamstress.kafka.producer.ProducerSettings;
import io.streamstress.kafka.topic.TopicAdmin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's bare Flink job, in its own JVM as the bench runs it: it counts the topic and leaves no files. */
class BareFlinkJobITCase {

    private static final Path JAR = Path.of("target", "stress.jar");
    private static final long MESSAGES = 2_000;

    @TempDir
    Path dir;

    @Test
    void countsTheTopicAndLeavesNothingInTheTempDirectory() throws Exception {
        // Given a broker with a loaded two-partition topic, and a temp directory of the job's own
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir.resolve("broker")))) {
            broker.start();
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), TopicAdmin.DEFAULT_TIMEOUT)) {
                admin.createTopic("bare", 2, (short) 1);
            }
            new LoadProducer(ProducerSettings.of(broker.bootstrapServers(), "bare", new PartitionPlan(MESSAGES, 2))).run();
            Path tmp = Files.createDirectories(dir.resolve("tmp"));

            // When the job runs as the bench starts it (one TaskManager, two slots)
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + tmp));
            command.addAll(Contestants.FLINK_JOB_JVM);
            command.addAll(List.of("-cp", JAR.toString(), BareFlinkJob.class.getName(), broker.bootstrapServers(),
                    "bare", Long.toString(MESSAGES), "1", "2", "200"));
            Process job = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectError(dir.resolve("err.txt").toFile()).start();
            assertThat(job.waitFor(3, TimeUnit.MINUTES)).as("finished within 3 minutes").isTrue();
            String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
            String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

            // Then it counted every record, and its temp directory (Flink's files, checkpoints) is gone
            assertThat(job.exitValue()).as("exit code; stdout %s; stderr %s", out, err).isZero();
            assertThat(out).as("its figures").contains("BARE records=" + MESSAGES + " jobMs=");
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as("left in java.io.tmpdir").noneMatch(name -> name.startsWith(BareFlinkJob.TMP_PREFIX));
            }
        }
    }
}
