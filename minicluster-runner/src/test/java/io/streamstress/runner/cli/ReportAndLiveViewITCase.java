package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.api.sync.RedisCommands;
import io.streamstress.kafka.broker.BrokerSettings;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.kafka.topic.TopicAdmin;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.RedisServerSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real run (200 k messages, a task failure, Prometheus on) against a broker and a Redis server this test
 * started, so that after the run the test can read back what the topic and Redis hold and compare it with the
 * report; while the run goes on, both Prometheus endpoints are scraped. When Chromium is installed, a real
 * browser opens the HTML report and a screenshot is kept in {@code target/browser-check/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAndLiveViewITCase {

    private static final long MESSAGES = 200_000;

    @TempDir
    static Path dir;

    private EmbeddedKafkaBroker broker;
    private EmbeddedRedisServer redis;
    private CommandResult result;
    private String harnessScrape = "";
    private String flinkScrape = "";
    private Path reportDir;

    @BeforeAll
    void runOnce() throws Exception {
        // Given a broker and a Redis server the run does not own, and free ports for Prometheus
        broker = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir.resolve("kafka")));
        broker.start();
        redis = new EmbeddedRedisServer(RedisServerSettings.loopback(dir.resolve("redis"), "report-pass"));
        redis.start();
        int metricsPort = freePortPair();
        reportDir = dir.resolve("report");

        // When a run with a task failure goes through them, scraped while it runs
        CompletableFuture<CommandResult> run = CompletableFuture.supplyAsync(() -> CommandResult.run(
                StressPipelineITCase.args("--chaos", "task-exception", "--report-dir", reportDir.toString(),
                        "--bootstrap-servers", broker.bootstrapServers(), "--redis-uri", redis.uri(),
                        "--topic", "report-topic", "--metrics-port", String.valueOf(metricsPort))));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (!run.isDone()) {
            scrape(http, metricsPort).filter(s -> s.contains("streamstress_committed_total")).ifPresent(s -> {
                if (committed(s) > 0 || harnessScrape.isEmpty()) {
                    harnessScrape = s;
                }
            });
            scrape(http, metricsPort + 1).filter(s -> s.contains("flink_taskmanager_job_task_operator_numRecordsIn"))
                    .ifPresent(s -> flinkScrape = s);
            awaitDone(run, Duration.ofMillis(500));
        }
        result = run.get(5, TimeUnit.MINUTES);
    }

    /** Waits until {@code run} is done, at most {@code atMost} (the pace of the scrapes). */
    private static void awaitDone(CompletableFuture<CommandResult> run, Duration atMost) throws Exception {
        try {
            run.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
            // Scrape again.
        }
    }

    @AfterAll
    void stopServers() {
        if (redis != null) {
            redis.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theReportsVerificationIsWhatTheTopicAndRedisHold() throws Exception {
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        JsonNode report = new ObjectMapper().readTree(reportDir.resolve("stress-report.json").toFile());

        // Then the topic's end offsets add up to the report's
        long[] endOffsets;
        try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
            endOffsets = admin.endOffsets("report-topic", 8);
        }
        assertThat(java.util.Arrays.stream(endOffsets).sum()).as("end offsets in the topic")
                .isEqualTo(report.at("/verification/endOffsets").asLong()).isEqualTo(MESSAGES);

        // And Redis holds the report's committed total and per-partition counts
        try (RedisConnections client = RedisConnections.open(redis.uri(), Duration.ofSeconds(5))) {
            RedisCommands<String, String> sync = client.connection().sync();
            List<String> totals = sync.keys("streamstress:*:total");
            assertThat(totals).as("one run in this Redis").hasSize(1);
            assertThat(Long.parseLong(sync.get(totals.get(0)))).as("Redis total")
                    .isEqualTo(report.at("/verification/committed").asLong()).isEqualTo(MESSAGES);
            String counts = totals.get(0).replace(":total", ":count");
            for (JsonNode partition : report.at("/verification/partitions")) {
                assertThat(Long.parseLong(sync.hget(counts, partition.get("partition").asText())))
                        .as("partition %s in Redis", partition.get("partition"))
                        .isEqualTo(partition.get("committed").asLong())
                        .isEqualTo(endOffsets[partition.get("partition").asInt()]);
            }
        }

        // And the report recorded lag, commit latency and the load per TaskManager
        assertThat(report.at("/timeline").findValues("lag")).as("lag sampled").anySatisfy(lag -> assertThat(lag.asLong()).isPositive());
        assertThat(report.at("/latency/commit/count").asLong()).as("commit latencies (1 message in 10 at 200 k)")
                .isEqualTo(MESSAGES / 10);
        assertThat(report.at("/latency/commit/p50").asDouble()).as("commit latency p50 ≥ processing latency p50")
                .isGreaterThanOrEqualTo(report.at("/latency/processing/p50").asDouble());
        assertThat(report.at("/latency/processingFromIntended/count").asLong()).as("--rate: latency from the schedule too")
                .isPositive();
        assertThat(report.at("/loadDistribution/recordsPerTaskManager").size()).as("TaskManagers with records")
                .isEqualTo(4);
        assertThat(reportDir.resolve("stress-report.html")).as("HTML report").isNotEmptyFile();
    }

    @Test
    void prometheusServedTheHarnessAndFlinkMetricsWhileTheRunWent() {
        assertThat(harnessScrape).as("harness metrics scraped during the run")
                .contains("streamstress_produced_total", "streamstress_committed_total", "streamstress_consumer_lag",
                        "streamstress_faults_injected_total", "streamstress_messages_expected 200000.0");
        assertThat(committed(harnessScrape)).as("committed, as scraped").isPositive();
        assertThat(flinkScrape).as("Flink's metrics scraped during the run")
                .contains("flink_taskmanager_job_task_operator_numRecordsIn");
    }

    @Test
    void aRealBrowserDrawsEveryChartWithoutErrors() throws Exception {
        Optional<Path> chromium = Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                        .map(p -> Path.of(p, name)))
                .filter(Files::isExecutable).findFirst();
        assumeTrue(chromium.isPresent(), "Chromium is not installed: the browser check is skipped");
        Path html = reportDir.resolve("stress-report.html");
        Path shots = Path.of("target", "browser-check");
        Files.createDirectories(shots);
        Path screenshot = shots.resolve("stress-report.png").toAbsolutePath();

        // When headless Chromium renders the page
        String dom = chromium(chromium.get(), "--dump-dom", html.toUri().toString());
        chromium(chromium.get(), "--screenshot=" + screenshot, "--window-size=1400,2200", html.toUri().toString());

        // Then all six charts drew pixels, no error occurred, and the screenshot is a real picture
        assertThat(dom).as("body of the rendered page")
                .contains("data-charts=\"6\"", "data-charts-drawn=\"6\"", "data-errors=\"0\"");
        assertThat(Files.size(screenshot)).as("screenshot bytes (%s)", screenshot).isGreaterThan(50_000);
    }

    @Test
    void produceMessagesLoadsAnExternalTopic() throws Exception {
        // When the producer tool loads a new topic of the external broker
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = ProduceCommand.execute(new String[] {"--bootstrap-servers", broker.bootstrapServers(), "--topic",
                "loaded", "--messages", "10003", "--partitions", "3", "--rate", "50000"},
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), System.err);

        // Then it created the topic and every partition holds its share
        assertThat(code).as("exit code; output:%n%s", out).isEqualTo(ExitCodes.PASS);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).as("output")
                .contains("Created topic loaded with 3 partitions", "Acknowledged 10,003 messages");
        try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), Duration.ofSeconds(30))) {
            assertThat(admin.endOffsets("loaded", 3)).as("end offsets").containsExactly(3335, 3334, 3334);
        }
    }

    private static String chromium(Path chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--hide-scrollbars", "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return out;
    }

    private static Optional<String> scrape(HttpClient http, int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static double committed(String scrape) {
        return scrape.lines().filter(l -> l.startsWith("streamstress_committed_total "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(0);
    }

    /** A free port whose successor looks free too (the harness takes PORT, Flink's metrics PORT + 1). */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(first.getLocalPort() + 1)) {
                return first.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two adjacent free ports");
    }
}
