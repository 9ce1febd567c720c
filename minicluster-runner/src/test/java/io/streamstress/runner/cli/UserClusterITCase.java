package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamstress.kafka.broker.BrokerSettings;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.RedisServerSettings;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.cluster.ClusterKind;
import io.streamstress.runner.infra.cluster.rest.RestFlinkCluster;
import io.streamstress.runner.job.JobArguments;
import io.streamstress.runner.job.JobJar;
import io.streamstress.runner.job.StressJobGraph;
import io.streamstress.runner.job.StressJobMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.cli.CliFrontend;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a user's cluster: a Flink session cluster whose class path is Flink's alone
 * ({@link BareFlinkClusterProcess}), so the job runs only with what {@code stress-job.jar} brings. Submitted
 * as users do, with Flink's own {@code flink run} ({@link CliFrontend}), and as {@code --cluster URL} does, a
 * {@code StreamGraph} by REST with the jar attached; each time after {@code produce-messages}, and checked with
 * {@code stress.jar verify}.
 */
class UserClusterITCase {

    private static final long MESSAGES = 20_000;
    private static final int PARTITIONS = 2;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedRedisServer redis;
    private static BareFlinkClusterProcess flink;
    private static Path jobJar;

    @BeforeAll
    static void startServers() throws Exception {
        kafka = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir.resolve("kafka")));
        kafka.start();
        redis = new EmbeddedRedisServer(RedisServerSettings.loopback(dir.resolve("redis"), "user-cluster"));
        redis.start();
        flink = BareFlinkClusterProcess.start(dir.resolve("flink"));
        jobJar = JobJar.locate(dir);
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (flink != null) {
            flink.close();
        }
        kafka.stop();
        redis.stop();
    }

    @Test
    void flinkRunOfTheJobJarCountsEveryMessageOnce() throws Exception {
        // Given a topic that produce-messages filled
        produce("flink-run");

        // When Flink's own CLI runs the job jar's main class against the cluster (attached: it returns when the
        // bounded source has read the topic to the end offsets it had at the start)
        Configuration client = new Configuration();
        client.set(RestOptions.ADDRESS, flink.url().host());
        client.set(RestOptions.PORT, flink.url().port());
        // This client's JVM is the harness, with the connector and kafka-clients on its class path: like a
        // cluster whose class path is the harness it must load them once, parent-first (child-first, the jar's
        // kafka-clients would meet the class path's connector). The cluster's side is bare.
        client.set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first");
        CliFrontend cli = new CliFrontend(client, CliFrontend.loadCustomCommandLines(client, dir.toString()));
        int code = cli.parseAndRun(new String[] {"run", "-c", StressJobMain.class.getName(), jobJar.toString(),
            "--bootstrap-servers", kafka.bootstrapServers(), "--topic", "flink-run", "--redis-uri", redis.uri(),
            "--run-id", "flink-run", "--checkpoint-interval", "500ms"});

        // Then the job succeeded, and verify finds every message counted exactly once
        assertThat(code).as("flink run exit code").isZero();
        assertVerified("flink-run");
    }

    @Test
    void aStreamGraphSubmittedByRestWithTheJobJarCountsEveryMessageOnce() throws Exception {
        // Given a filled topic and the job as a graph built in this JVM, as the harness builds it
        produce("rest-submit");
        var spec = StressJobMain.specFor(JobArguments.parse(new String[] {"--bootstrap-servers",
            kafka.bootstrapServers(), "--topic", "rest-submit", "--redis-uri", redis.uri(), "--run-id", "rest-submit",
            "--checkpoint-interval", "500ms"}));

        try (RestFlinkCluster cluster = RestFlinkCluster.connect(flink.url(), CONNECT_TIMEOUT, Optional.of(jobJar))) {
            // When it is submitted by REST with the job jar
            JobID job = cluster.submit(StressJobGraph.streamGraph(spec));
            JobResult result = cluster.awaitResult(job, JOB_TIMEOUT);

            // Then it finished, the cluster says so, and verify finds every message counted exactly once
            assertThat(cluster.kind()).as("kind").isEqualTo(ClusterKind.REMOTE);
            assertThat(cluster.describe()).as("description").contains(flink.url().toString(), "stress-job.jar");
            assertThat(result).as("result within %s", JOB_TIMEOUT).isNotNull();
            assertThat(result.getSerializedThrowable()).as("job failure").isEmpty();
            assertThat(cluster.view(job).state()).as("job state").isEqualTo("FINISHED");
        }
        assertVerified("rest-submit");
    }

    @Test
    void withoutTheJobJarTheClusterCannotRunTheJob() throws Exception {
        // Given the job as a graph, and a cluster that is not told to take the job jar
        produce("no-jar");
        var spec = StressJobMain.specFor(JobArguments.parse(new String[] {"--bootstrap-servers",
            kafka.bootstrapServers(), "--topic", "no-jar", "--redis-uri", redis.uri(), "--run-id", "no-jar"}));
        try (RestFlinkCluster cluster = RestFlinkCluster.connect(flink.url(), CONNECT_TIMEOUT, Optional.empty())) {
            // When it is submitted without the jar
            // Then the cluster cannot load the job's classes: its class path is bare, the jar is what makes it work
            assertThatThrownBy(() -> cluster.submit(StressJobGraph.streamGraph(spec)))
                    .as("submission without the job jar")
                    .isInstanceOf(HarnessException.class)
                    .hasMessageContaining("did not accept the job").hasMessageContaining("no job jar was sent");
        }
    }

    @Test
    void verifyOfATopicNoJobCountedFails() {
        // Given a filled topic that no job read
        produce("never-counted");

        // When verify checks it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyCommand.execute(new String[] {"--bootstrap-servers", kafka.bootstrapServers(), "--topic",
            "never-counted", "--redis-uri", redis.uri(), "--run-id", "never-counted"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));

        // Then it verified and failed: every message lost
        assertThat(code).as("exit code").isEqualTo(ExitCodes.INVARIANT_FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).as("verify output").last()
                .isEqualTo("VERDICT FAIL produced=" + MESSAGES + " committed=0 lost=" + MESSAGES + " duplicated=0");
    }

    private static void produce(String topic) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ProduceCommand.execute(new String[] {"--bootstrap-servers", kafka.bootstrapServers(), "--topic", topic,
            "--messages", String.valueOf(MESSAGES), "--partitions", String.valueOf(PARTITIONS)},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as("produce-messages exit code (stderr: %s)", err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static void assertVerified(String runId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StressCommand.execute(new String[] {VerifyCommand.NAME, "--bootstrap-servers", kafka.bootstrapServers(),
            "--topic", runId, "--redis-uri", redis.uri(), "--run-id", runId, "--messages", String.valueOf(MESSAGES)},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(code).as("verify exit code (stdout %s, stderr %s)", lines, err.toString(StandardCharsets.UTF_8))
                .isEqualTo(ExitCodes.PASS);
        assertThat(lines).as("verify output").last().isEqualTo(
                "VERDICT PASS produced=" + MESSAGES + " committed=" + MESSAGES + " lost=0 duplicated=0");
    }
}
