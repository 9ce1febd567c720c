package io.streamstress.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.streamstress.checkpoints.CompletedCheckpoint;
import io.streamstress.checkpoints.StateBackendKind;
import io.streamstress.kafka.producer.TrafficPattern;
import io.streamstress.redis.verify.PartitionCheck;
import io.streamstress.redis.verify.RangeTiling;
import io.streamstress.redis.verify.Verification;
import io.streamstress.runner.config.ChaosSettings;
import io.streamstress.runner.config.ClusterChoice;
import io.streamstress.runner.config.InfraSettings;
import io.streamstress.runner.config.Delivery;
import io.streamstress.runner.config.KafkaSettings;
import io.streamstress.runner.config.StressConfig;
import io.streamstress.runner.observe.LatencySummary;
import io.streamstress.runner.observe.Sample;
import io.streamstress.runner.run.Recording;
import io.streamstress.runner.run.RunOutcome;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final StressConfig CONFIG = config(Optional.empty());

    private static StressConfig config(Optional<Long> expectThroughput) {
        return new StressConfig(200, 2, 100, 0, false, 2, 1, Duration.ofSeconds(1), StateBackendKind.HASHMAP,
                Delivery.EXACTLY_ONCE, ChaosSettings.none(), Map.of(), new KafkaSettings(Optional.empty(), 1, 0, Optional.empty(), "g"),
                Optional.empty(), Optional.empty(), false, Duration.ofMinutes(1),
                Duration.ofSeconds(5), expectThroughput, Optional.empty(), TrafficPattern.NONE, 0, ClusterChoice.DEFAULT,
                InfraSettings.EMBEDDED);
    }

    private static RunOutcome outcome(long duplicatedInPartition1, Map<Integer, Long> perSubtask) {
        return outcome(duplicatedInPartition1, perSubtask, Map.of("tm-a", 100L, "tm-b", 100L));
    }

    private static RunOutcome outcome(long duplicatedInPartition1, Map<Integer, Long> perSubtask,
            Map<String, Long> perTaskManager) {
        PartitionCheck p0 = new PartitionCheck(0, 100, 100, 100, RangeTiling.of(List.<long[]>of(new long[] {0, 99}), 100));
        List<long[]> ranges1 = duplicatedInPartition1 > 0
                ? List.of(new long[] {0, 99}, new long[] {0, duplicatedInPartition1 - 1})
                : List.<long[]>of(new long[] {0, 99});
        PartitionCheck p1 = new PartitionCheck(1, 100, 100, 100 + duplicatedInPartition1, RangeTiling.of(ranges1, 100));
        Verification verification = new Verification(200, List.of(p0, p1), 200 + duplicatedInPartition1);
        Recording recording = new Recording(1_000, List.of(new long[] {1_000, 0}, new long[] {3_000, 200}),
                List.of(new long[] {1_000, 0}, new long[] {3_000, 200}),
                List.of(new Sample(1_000, 0, 0, 0, 50, 0, 0, 0, 0, 0), new Sample(2_000, 200, 120, 0, -1, 0, 1, 1, 0, 0)),
                List.of(new CompletedCheckpoint(1, 1_500, 1_520, 20, 1_000)), 0, perSubtask, perTaskManager, false,
                new LatencySummary(200, 1.0, 2.0, 3.0, 4.0, 5.0), new LatencySummary(200, 1.0, 2.0, 3.0, 4.0, 5.0),
                new LatencySummary(20, 900.0, 1000.0, 1100.0, 1200.0, 1300.0),
                new LatencySummary(20, 900.0, 1000.0, 1100.0, 1200.0, 1300.0));
        return new RunOutcome(verification, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(5),
                List.of(), 0, false, Optional.empty(), recording);
    }

    @Test
    void anExactRunPassesEveryScenarioWithItsMeasuredFigures() {
        Report report = Report.of(CONFIG, outcome(0, Map.of(0, 100L, 1, 100L)));

        assertThat(report.passed()).as("verdict").isTrue();
        assertThat(report.scenarios()).extracting(Scenario::name).as("scenarios")
                .contains("Every message is counted exactly once", "Throughput and latency", "Load is spread over the TaskManagers",
                        "Checkpoints complete");
        assertThat(JsonReport.toJson(report).at("/timeline/2/processed").asLong()).as("processed at second 2")
                .isEqualTo(200);
        assertThat(JsonReport.toJson(report).at("/timeline/1/produced").asLong()).as("produced at second 1")
                .isEqualTo(200);
        assertThat(JsonReport.toJson(report).at("/timeline/1/lag").isNull()).as("lag unknown at second 1").isTrue();
        assertThat(JsonReport.toJson(report).at("/timeline/0/lag").asLong()).as("lag at second 0").isEqualTo(50);
    }

    @Test
    void threeEmbeddedBrokersAreInTheGivenAndTheJson() {
        // Given a run on three embedded brokers, its topic on 3 replicas
        StressConfig three = new StressConfig(200, 2, 100, 0, false, 2, 1, Duration.ofSeconds(1),
                StateBackendKind.HASHMAP, Delivery.EXACTLY_ONCE, ChaosSettings.none(), Map.of(),
                KafkaSettings.embedded(3), Optional.empty(), Optional.empty(), false, Duration.ofMinutes(1),
                Duration.ofSeconds(5), Optional.empty(), Optional.empty(), TrafficPattern.NONE, 0, ClusterChoice.DEFAULT,
                InfraSettings.EMBEDDED);
        RunOutcome outcome = outcome(0, Map.of(0, 100L, 1, 100L));

        // When it is reported
        Report report = Report.of(three, outcome);
        var json = JsonReport.toJson(report);

        // Then the Given says where the topic lived, and the JSON has the brokers and replicas asked for
        assertThat(report.scenarios()).as("scenarios").allSatisfy(scenario -> assertThat(scenario.given())
                .as("given").contains("200 messages of 100 bytes in 2 partitions on 3 embedded Kafka brokers (3 replicas each)"));
        assertThat(json.get("config").get("kafkaBrokers").asInt()).as("kafkaBrokers").isEqualTo(3);
        assertThat(json.get("config").get("replicationFactor").asInt()).as("replicationFactor").isEqualTo(3);
        assertThat(Report.of(CONFIG, outcome).scenarios().get(0).given()).as("one broker: nothing more said")
                .startsWith("200 messages of 100 bytes in 2 partitions, ");
    }

    @Test
    void theJsonFollowsItsPublishedSchema() throws Exception {
        // Given the schema shipped with the jar
        JsonSchema schema;
        try (InputStream in = JsonReport.class.getResourceAsStream("stress-report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }

        // When a passing and a failing run are reported
        Set<ValidationMessage> passing = schema.validate(JsonReport.toJson(Report.of(CONFIG, outcome(0, Map.of(0, 100L, 1, 100L)))));
        Set<ValidationMessage> failing = schema.validate(JsonReport.toJson(Report.of(CONFIG, outcome(7, Map.of(0, 100L, 1, 107L)))));

        // Then both validate, and the schema does reject a report that lost a key
        assertThat(passing).as("schema violations, passing run").isEmpty();
        assertThat(failing).as("schema violations, failing run").isEmpty();
        var broken = JsonReport.toJson(Report.of(CONFIG, outcome(0, Map.of(0, 100L, 1, 100L))));
        broken.remove("verification");
        assertThat(schema.validate(broken)).as("violations without verification").isNotEmpty();
    }

    @Test
    void theSchemaNamesEveryFaultKind() throws Exception {
        // Given the fault kinds the schema allows in a report
        com.fasterxml.jackson.databind.JsonNode schema;
        try (InputStream in = JsonReport.class.getResourceAsStream("stress-report.schema.json")) {
            schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        java.util.List<String> allowed = new java.util.ArrayList<>();
        schema.at("/properties/faults/items/properties/kind/enum").forEach(kind -> allowed.add(kind.asText()));

        // Then they are every kind a run can inject, so that no report of a new kind fails its own schema
        assertThat(allowed).as("kinds in the schema").containsExactlyInAnyOrderElementsOf(
                io.streamstress.chaos.plan.FaultKind.all().stream().map(io.streamstress.chaos.plan.FaultKind::cliName)
                        .toList());
    }

    @Test
    void theHtmlPageIsSelfContainedAndCarriesTheReportData() {
        String html = HtmlReport.render(Report.of(CONFIG, outcome(7, Map.of(0, 100L, 1, 107L))));

        assertThat(html.contains("Chart.js v4") && !html.contains("/*CHARTJS*/")).as("Chart.js inlined").isTrue();
        assertThat(html.matches("(?s).*<script[^>]+src=.*") || html.matches("(?s).*<link[^>]+href=.*"))
                .as("refers to an external script or stylesheet").isFalse();
        assertThat(html.contains("\"verdict\":\"FAIL\"") && html.contains("\"duplicated\":7"))
                .as("carries the data, with the verdict and the duplicate count").isTrue();
        assertThat(html.split("<canvas id=", -1).length - 1).as("charts").isEqualTo(6);
    }

    @Test
    void anIdleTaskManagerFailsTheLoadScenario() {
        // Given 2 TaskManagers × 1 slot for 2 subtasks, where one TaskManager ran both (the other none)
        Report report = Report.of(CONFIG, outcome(0, Map.of(0, 100L, 1, 100L), Map.of("tm-a", 200L)));

        Scenario load = report.scenarios().stream().filter(s -> s.name().startsWith("Load")).findFirst().orElseThrow();
        assertThat(load.passed()).as("load scenario").isFalse();
        assertThat(load.then()).as("checks").anySatisfy(c -> assertThat(c).isEqualTo(new Check(
                "TaskManagers that processed records", "1", ">= 2 (2 busy subtasks in 1-slot TaskManagers)", false)));
    }

    @Test
    void duplicatesFailTheExactlyOnceScenarioWithTheirCount() {
        Report report = Report.of(CONFIG, outcome(7, Map.of(0, 100L, 1, 107L)));

        assertThat(report.passed()).as("verdict").isFalse();
        Scenario exactlyOnce = report.scenarios().get(0);
        assertThat(exactlyOnce.passed()).as("exactly-once scenario").isFalse();
        assertThat(exactlyOnce.then()).as("checks")
                .anySatisfy(c -> assertThat(c).isEqualTo(
                        new Check("no sequence number was committed twice", "7", "0", false)));
        assertThat(MarkdownReport.render(report)).contains("### FAIL: Every message is counted exactly once");
    }

    @Test
    void lossFailsTheExactlyOnceScenarioWithItsCountAndTheReportOfTheLossControlFollowsTheSchema() throws Exception {
        // Given an at-most-once run whose partition 1 has a gap: 20..39 were never committed
        StressConfig atMostOnce = new StressConfig(200, 2, 100, 0, false, 2, 1, Duration.ofSeconds(1),
                StateBackendKind.HASHMAP, Delivery.AT_MOST_ONCE, ChaosSettings.none(), Map.of(),
                new KafkaSettings(Optional.empty(), 1, 0, Optional.empty(), "g"), Optional.empty(), Optional.empty(), false,
                Duration.ofMinutes(1), Duration.ofSeconds(5), Optional.empty(), Optional.empty(), TrafficPattern.NONE, 0, ClusterChoice.DEFAULT,
                InfraSettings.EMBEDDED);
        RunOutcome exact = outcome(0, Map.of(0, 100L, 1, 100L));
        PartitionCheck p1 = new PartitionCheck(1, 100, 100, 80,
                RangeTiling.of(List.of(new long[] {0, 19}, new long[] {40, 99}), 100));
        Verification lossy = new Verification(200, List.of(exact.verification().partitions().get(0), p1), 180);
        RunOutcome outcome = new RunOutcome(lossy, exact.produceTime(), exact.jobTime(), exact.pipelineTime(),
                exact.startupTime(), exact.wallTime(), exact.faults(), exact.flinkTaskRestarts(), exact.timedOut(), exact.jobFailure(),
                exact.recording());

        // When
        Report report = Report.of(atMostOnce, outcome);

        // Then the exactly-once scenario fails on the lost count alone
        Scenario exactlyOnce = report.scenarios().get(0);
        assertThat(exactlyOnce.passed()).as("exactly-once scenario").isFalse();
        assertThat(exactlyOnce.then()).as("checks")
                .anySatisfy(c -> assertThat(c).isEqualTo(new Check("no sequence number was lost", "20", "0", false)))
                .anySatisfy(c -> assertThat(c).isEqualTo(
                        new Check("no sequence number was committed twice", "0", "0", true)));
        assertThat(MarkdownReport.render(report)).as("markdown")
                .contains("### FAIL: Every message is counted exactly once", "at-most-once sink");
        JsonSchema schema;
        try (InputStream in = JsonReport.class.getResourceAsStream("stress-report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        assertThat(schema.validate(JsonReport.toJson(report))).as("schema violations, at-most-once run").isEmpty();
    }

    @Test
    void anExpectedThroughputIsJudgedAgainstTheMeasuredRate() {
        // Given 200 messages committed in a 2 s pipeline: 100 msg/s
        Report reached = Report.of(config(Optional.of(100L)), outcome(0, Map.of(0, 100L, 1, 100L)));
        Report missed = Report.of(config(Optional.of(101L)), outcome(0, Map.of(0, 100L, 1, 100L)));

        assertThat(reached.passed()).as("100 msg/s against >= 100").isTrue();
        assertThat(missed.passed()).as("100 msg/s against >= 101").isFalse();
        assertThat(missed.failedChecks()).singleElement().asString().contains("measured 100, expected >= 101");
    }

    @Test
    void aSubtaskWhosePartitionIsEmptyReadsNothingAndIsAFigureNotAFailure() {
        // Given one message in two partitions: partition 1 is empty, so its subtask and TaskManager read nothing
        PartitionCheck p0 = new PartitionCheck(0, 1, 1, 1, RangeTiling.of(List.<long[]>of(new long[] {0, 0}), 1));
        PartitionCheck p1 = new PartitionCheck(1, 0, 0, 0, RangeTiling.of(List.of(), 0));
        RunOutcome base = outcome(0, Map.of(0, 1L, 1, 0L), Map.of("tm-a", 1L, "tm-b", 0L));
        RunOutcome oneMessage = new RunOutcome(new Verification(1, List.of(p0, p1), 1), base.produceTime(),
                base.jobTime(), base.pipelineTime(), base.startupTime(), base.wallTime(), List.of(), 0, false,
                Optional.empty(), base.recording());
        StressConfig oneMessageConfig = new StressConfig(1, 2, 100, 0, false, 2, 1, Duration.ofSeconds(1),
                StateBackendKind.HASHMAP, Delivery.EXACTLY_ONCE, ChaosSettings.none(), Map.of(),
                new KafkaSettings(Optional.empty(), 1, 0, Optional.empty(), "g"), Optional.empty(), Optional.empty(), false,
                Duration.ofMinutes(1), Duration.ofSeconds(5), Optional.empty(), Optional.empty(), TrafficPattern.NONE, 0, ClusterChoice.DEFAULT,
                InfraSettings.EMBEDDED);

        // When
        Report report = Report.of(oneMessageConfig, oneMessage);

        // Then the exact run passes, and the idle subtask is reported as a figure
        Scenario load = report.scenarios().stream().filter(s -> s.name().startsWith("Load")).findFirst().orElseThrow();
        assertThat(load.passed()).as("load scenario, checks: %s", load.then()).isTrue();
        assertThat(load.then()).as("checks")
                .anySatisfy(c -> assertThat(c).isEqualTo(new Check("subtasks that processed records", "1",
                        ">= 1 (the subtasks of the 1 partitions with records)", true)))
                .anySatisfy(c -> assertThat(c).isEqualTo(new Check(
                        "subtasks with no records to read (their partitions were empty)", "1", null, null)));
        assertThat(report.passed()).as("verdict; failed: %s", report.failedChecks()).isTrue();
    }

    @Test
    void anIdleSubtaskFailsTheLoadScenarioAndFiguresWithoutThresholdAreNotJudged() {
        Report report = Report.of(CONFIG, outcome(0, Map.of(0, 200L, 1, 0L)));

        Scenario load = report.scenarios().stream().filter(s -> s.name().startsWith("Load")).findFirst().orElseThrow();
        assertThat(load.passed()).as("load scenario with an idle subtask").isFalse();
        Scenario throughput = report.scenarios().stream().filter(s -> s.name().startsWith("Throughput")).findFirst()
                .orElseThrow();
        assertThat(throughput.then()).as("throughput checks").allSatisfy(c -> assertThat(c.passed()).isNull());
    }
}
