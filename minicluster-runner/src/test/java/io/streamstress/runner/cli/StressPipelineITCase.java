package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.RedisServerSettings;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs of the CLI, in process, against a real embedded Kafka broker, a real Redis server and a real
 * MiniCluster. Small scale (8 partitions on 4 TaskManagers × 2 slots) to fit a 2-core CI machine; the
 * producer is rate-limited so that checkpoints complete while records still flow and faults can fire: at
 * 50,000 msg/s each of the 8 subtasks sees about 6,000 records per 1 s checkpoint interval, well above the
 * 1,500 past a barrier that an injected failure waits for.
 */
class StressPipelineITCase {

    private static final String[] SMALL = {
        "--messages", "200000", "--partitions", "8", "--task-managers", "4", "--slots-per-task-manager", "2",
        "--rate", "50000", "--checkpoint-interval", "1s", "--max-time", "3m"
    };

    @TempDir
    Path dir;

    static String[] args(String... extra) {
        String[] all = java.util.Arrays.copyOf(SMALL, SMALL.length + extra.length);
        System.arraycopy(extra, 0, all, SMALL.length, extra.length);
        return all;
    }

    @Test
    void exactlyOnceSurvivesATaskExceptionWithExactCounts() throws Exception {
        // Given the exactly-once sink and one injected task failure
        // When
        CommandResult result = CommandResult.run(args("--chaos", "task-exception", "--report-dir", dir.toString()));

        // Then
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("last line")
                .startsWith("VERDICT PASS produced=200000 committed=200000 lost=0 duplicated=0 seconds=");
        assertThat(result.out()).as("the fault fired and Flink restarted the task")
                .contains("1 injected of 1 planned; 1 restart tasks, Flink restarted 1 subtask(s) (agree)")
                .containsPattern("task-exception +recovery \\d+\\.\\d\\d s +T1 \\+");

        // And the JSON report holds the same verified figures, the fault with its clocks, and the verdict
        JsonNode report = new ObjectMapper().readTree(dir.resolve("stress-report.json").toFile());
        assertThat(report.fieldNames()).toIterable().as("top-level keys").contains("config", "environment",
                "timeline", "checkpoints", "faults", "loadDistribution", "verification", "scenarios", "timing", "verdict");
        long jobMs = report.at("/timing/jobMs").asLong();
        long pipelineMs = report.at("/timing/pipelineMs").asLong();
        assertThat(pipelineMs).as("produced while the job ran: the pipeline starts once the job is submitted")
                .isPositive().isLessThanOrEqualTo(jobMs);
        assertThat(jobMs).as("the job's time lies within the wall time")
                .isLessThanOrEqualTo(report.at("/timing/wallMs").asLong());
        long startupMs = report.at("/timing/startupMs").asLong();
        assertThat(startupMs).as("start-up: before the first send, within the wall time").isPositive()
                .isLessThan(report.at("/timing/wallMs").asLong() - pipelineMs);
        assertThat(result.out()).as("the verdict block prints the same start-up")
                .contains(String.format(java.util.Locale.ROOT, "  start-up      %15.1f s  the command started → first record "
                        + "sent", startupMs / 1000.0));
        assertThat(report.at("/verification/committed").asLong()).as("committed in JSON")
                .isEqualTo(result.verdictFigure("committed"));
        assertThat(report.at("/verification/duplicated").asLong()).as("duplicated in JSON").isZero();
        assertThat(report.at("/faults/0/kind").asText()).isEqualTo("task-exception");
        assertThat(report.at("/faults/0/t2Ms").isNumber()).as("T2 recorded").isTrue();
        assertThat(report.at("/loadDistribution/recordsPerSubtask").size()).as("subtasks").isEqualTo(8);
        assertThat(report.at("/timeline").size()).as("seconds in the timeline").isPositive();
        assertThat(report.at("/latency/processing/count").asLong()).as("latencies sampled (1 in 16, replays included)")
                .isGreaterThanOrEqualTo(200_000 / 16 - 8);
        assertThat(report.at("/latency/processing/p99").asDouble()).as("p99 ≥ p50")
                .isGreaterThanOrEqualTo(report.at("/latency/processing/p50").asDouble());
        assertThat(report.at("/verdict").asText()).isEqualTo("PASS");
        assertThat(dir.resolve("stress-report.md")).content().contains("### PASS: Every message is counted exactly once");
    }

    @Test
    void theAtLeastOnceControlIsCaughtDoubleCounting() {
        // Given the at-least-once sink (negative control) and one injected task failure
        // When
        CommandResult result = CommandResult.run(args("--chaos", "task-exception", "--delivery", "at-least-once",
                "--report-dir", dir.toString()));

        // Then
        assertThat(result.exitCode()).as("exit code; stdout:%n%s", result.out()).isEqualTo(ExitCodes.INVARIANT_FAILED);
        assertThat(result.lastOutLine()).as("last line").startsWith("VERDICT FAIL produced=200000 ");
        assertThat(result.verdictFigure("duplicated")).as("duplicates detected").isPositive();
        assertThat(result.verdictFigure("committed")).as("over-count")
                .isEqualTo(200_000 + result.verdictFigure("duplicated"));
        assertThat(result.verdictFigure("lost")).as("lost").isZero();
        assertThat(dir.resolve("stress-report.md")).as("report").content()
                .contains("### FAIL: Every message is counted exactly once")
                .contains("no sequence number was committed twice: **" + result.verdictFigure("duplicated")
                        + "** (expected 0) FAIL");
    }

    @Test
    void fewerMessagesThanPartitionsIsAnExactRunThatPasses() {
        // Given one message for four partitions: three subtasks have nothing to read
        // When
        CommandResult result = CommandResult.run("--messages", "1", "--partitions", "4", "--task-managers", "2",
                "--slots-per-task-manager", "2", "--report-dir", dir.toString());

        // Then
        assertThat(result.exitCode()).as("exit code; stdout:%n%s", result.out()).isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("last line")
                .startsWith("VERDICT PASS produced=1 committed=1 lost=0 duplicated=0 seconds=");
        assertThat(dir.resolve("stress-report.md")).as("report").content()
                .contains("subtasks with no records to read (their partitions were empty): **3**");
    }

    @Test
    void aJobThatFailedAndLostRecordsIsAVerifiedFailureWithExitCode3() {
        // Given no restarts, so that the injected task failure fails the job
        // When
        CommandResult result = CommandResult.run(args("--chaos", "task-exception", "-Drestart-strategy.type=none"));

        // Then the verification ran and found the records the failed job never committed
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.INVARIANT_FAILED);
        assertThat(result.out()).as("the failure is named").contains("FAIL: the job failed: ");
        assertThat(result.lastOutLine()).as("last line").startsWith("VERDICT FAIL produced=200000 ");
        assertThat(result.verdictFigure("lost")).as("lost").isPositive();
        assertThat(result.verdictFigure("duplicated")).as("duplicated").isZero();
    }

    @Test
    void theAtMostOnceControlIsCaughtLosing() throws Exception {
        // Given the at-most-once sink (negative control for loss) and one injected task failure, which fires
        // 1,500 records past a barrier: past the sink's next "handled" mark (every 1,000 records)
        // When
        CommandResult result = CommandResult.run(args("--chaos", "task-exception", "--delivery", "at-most-once",
                "--report-dir", dir.toString()));

        // Then
        assertThat(result.exitCode()).as("exit code; stdout:%n%s", result.out()).isEqualTo(ExitCodes.INVARIANT_FAILED);
        assertThat(result.lastOutLine()).as("last line").startsWith("VERDICT FAIL produced=200000 ");
        assertThat(result.verdictFigure("lost")).as("loss detected").isPositive();
        assertThat(result.verdictFigure("duplicated")).as("duplicated").isZero();
        assertThat(result.verdictFigure("committed")).as("under-count")
                .isEqualTo(200_000 - result.verdictFigure("lost"));
        assertThat(result.out()).as("the fault fired").contains("1 injected of 1 planned");
        assertThat(dir.resolve("stress-report.md")).as("report").content()
                .contains("### FAIL: Every message is counted exactly once")
                .contains("no sequence number was lost: **" + result.verdictFigure("lost") + "** (expected 0) FAIL")
                .contains("no sequence number was committed twice: **0** (expected 0) PASS");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("stress-report.json").toFile());
        assertThat(report.at("/config/delivery").asText()).as("delivery in JSON").isEqualTo("at-most-once");
        assertThat(report.at("/verification/lost").asLong()).as("lost in JSON").isEqualTo(result.verdictFigure("lost"));
    }

    @Test
    void theAtMostOnceControlLosesNothingWithoutAFault() {
        // Given the at-most-once sink and no faults: its marks never run ahead of a restored checkpoint
        // When
        CommandResult result = CommandResult.run("--messages", "50000", "--partitions", "4", "--task-managers", "2",
                "--slots-per-task-manager", "2", "--delivery", "at-most-once", "--report-dir", dir.toString());

        // Then
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("last line")
                .startsWith("VERDICT PASS produced=50000 committed=50000 lost=0 duplicated=0 seconds=");
    }

    @Test
    void pastMaxTimeTheRunFailsWithWhatWasVerified() {
        // Given a run that cannot finish in time: 1 M messages at 20,000 msg/s take 50 s
        long started = System.nanoTime();

        // When it is limited to 12 s
        CommandResult result = CommandResult.run("--messages", "1000000", "--partitions", "4", "--task-managers", "2",
                "--slots-per-task-manager", "2", "--rate", "20000", "--max-time", "12s");

        // Then it stops near the limit, FAILs with exit 3, and reports what was committed by then
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("run time").isLessThan(Duration.ofSeconds(45));
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.INVARIANT_FAILED);
        assertThat(result.out()).as("explanation").contains("did not finish within --max-time");
        assertThat(result.lastOutLine()).as("last line").startsWith("VERDICT FAIL ");
        assertThat(result.verdictFigure("committed")).as("committed by the deadline").isPositive().isLessThan(1_000_000);
        assertThat(result.verdictFigure("duplicated")).as("no duplicates even when cut short").isZero();
    }

    @Test
    void countsIntoAnExternalRedisGivenByUriAndTimesAPreloadedJobApart() throws Exception {
        // Given a Redis server the run did not start
        try (EmbeddedRedisServer redis = new EmbeddedRedisServer(RedisServerSettings.loopback(dir, "ext-pass"))) {
            redis.start();

            // When the run is pointed at it, producing everything before the job starts
            Path reportDir = dir.resolve("report");
            CommandResult result = CommandResult.run("--messages", "50000", "--partitions", "4", "--task-managers", "2",
                    "--slots-per-task-manager", "2", "--redis-uri", redis.uri(), "--preload",
                    "--report-dir", reportDir.toString());

            // Then it passes, and the counters are in that Redis
            assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                    .isEqualTo(ExitCodes.PASS);
            assertThat(result.out()).as("no embedded Redis").contains("Checking external Redis at redis://***@127.0.0.1")
                    .doesNotContain("Starting Redis");
            try (RedisConnections client = RedisConnections.open(redis.uri(), Duration.ofSeconds(5))) {
                List<String> totals = client.connection().sync().keys("streamstress:*:total");
                assertThat(totals).as("total keys").hasSize(1);
                assertThat(client.connection().sync().get(totals.get(0))).as("total in external Redis").isEqualTo("50000");
            }
            // And the job's time is the consume phase alone: producing came before it, inside the pipeline's time
            JsonNode timing = new ObjectMapper().readTree(reportDir.resolve("stress-report.json").toFile()).path("timing");
            assertThat(timing.path("jobMs").asLong()).as("job time").isPositive();
            assertThat(timing.path("jobMs").asLong() + timing.path("produceMs").asLong())
                    .as("job + produce time, within the pipeline's (%s)", timing)
                    .isLessThanOrEqualTo(timing.path("pipelineMs").asLong());
        }
    }

    @Test
    void aTakenMetricsPortIsOneLineAndExitCode1() throws Exception {
        // Given a port something else listens on, for Flink's metrics (--metrics-port + 1)
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            // When a run asks for the port below it
            CommandResult result = CommandResult.run("--messages", "10", "--partitions", "1", "--task-managers", "1",
                    "--metrics-port", String.valueOf(taken.getLocalPort() - 1));

            // Then it stops before the job with one line naming the port
            assertThat(result.exitCode()).as("exit code; stdout:%n%s", result.out()).isEqualTo(ExitCodes.HARNESS_ERROR);
            assertThat(result.errLines()).as("stderr").singleElement().asString()
                    .contains("127.0.0.1:" + taken.getLocalPort(), "--metrics-port + 1");
        }
    }

    @Test
    void aWrongRedisPasswordIsOneLineAndExitCode1() throws Exception {
        try (EmbeddedRedisServer redis = new EmbeddedRedisServer(RedisServerSettings.loopback(dir, "right"))) {
            redis.start();

            CommandResult result = CommandResult.run("--messages", "10",
                    "--redis-uri", "redis://:wrong@127.0.0.1:" + redis.port());

            assertThat(result.exitCode()).as("exit code").isEqualTo(ExitCodes.HARNESS_ERROR);
            assertThat(result.errLines()).as("stderr").hasSize(1);
            assertThat(result.errLines().get(0)).as("error").contains("refused").contains("password")
                    .doesNotContain("wrong@");
        }
    }

    @Test
    void anUnreachableExternalKafkaIsOneLineAndExitCode1() throws Exception {
        // Given a port nothing listens on
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        // When
        long started = System.nanoTime();
        CommandResult result = CommandResult.run("--messages", "10", "--bootstrap-servers", "127.0.0.1:" + closedPort,
                "--connect-timeout", "3s");

        // Then
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(ExitCodes.HARNESS_ERROR);
        assertThat(result.errLines()).as("stderr").hasSize(1);
        assertThat(result.errLines().get(0)).as("error").contains("127.0.0.1:" + closedPort).contains("within 3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("gave up near the connect timeout")
                .isLessThan(Duration.ofSeconds(30));
    }
}
