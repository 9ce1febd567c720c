package io.streamstress.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.chaos.plan.FaultPlan;
import io.streamstress.checkpoints.CompletedCheckpoint;
import io.streamstress.checkpoints.StateBackendKind;
import io.streamstress.redis.verify.PartitionCheck;
import io.streamstress.redis.verify.RangeTiling;
import io.streamstress.redis.verify.Verification;
import io.streamstress.runner.config.Delivery;
import io.streamstress.runner.config.StressConfig;
import io.streamstress.runner.run.LatencySummary;
import io.streamstress.runner.run.Recording;
import io.streamstress.runner.run.RunOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final StressConfig CONFIG = config(Optional.empty());

    private static StressConfig config(Optional<Long> expectThroughput) {
        return new StressConfig(200, 2, 100, 0, false, 2, 1, Duration.ofSeconds(1), StateBackendKind.HASHMAP,
                Delivery.EXACTLY_ONCE, FaultPlan.none(), Duration.ofSeconds(5), Map.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), "g", Optional.empty(), false, Duration.ofMinutes(1),
                Duration.ofSeconds(5), expectThroughput, Optional.empty());
    }

    private static RunOutcome outcome(long duplicatedInPartition1, Map<Integer, Long> perSubtask) {
        PartitionCheck p0 = new PartitionCheck(0, 100, 100, 100, RangeTiling.of(List.<long[]>of(new long[] {0, 99}), 100));
        List<long[]> ranges1 = duplicatedInPartition1 > 0
                ? List.of(new long[] {0, 99}, new long[] {0, duplicatedInPartition1 - 1})
                : List.<long[]>of(new long[] {0, 99});
        PartitionCheck p1 = new PartitionCheck(1, 100, 100, 100 + duplicatedInPartition1, RangeTiling.of(ranges1, 100));
        Verification verification = new Verification(200, List.of(p0, p1), 200 + duplicatedInPartition1);
        Recording recording = new Recording(1_000, List.of(new long[] {1_000, 0}, new long[] {3_000, 200}),
                List.of(new long[] {1_000, 0}, new long[] {3_000, 200}),
                List.of(new CompletedCheckpoint(1, 1_500, 1_520, 20, 1_000)), 0, perSubtask,
                new LatencySummary(200, 1.0, 2.0, 3.0, 4.0, 5.0));
        return new RunOutcome(verification, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                List.of(), 0, false, Optional.empty(), recording);
    }

    @Test
    void anExactRunPassesEveryScenarioWithItsMeasuredFigures() {
        Report report = Report.of(CONFIG, outcome(0, Map.of(0, 100L, 1, 100L)));

        assertThat(report.passed()).as("verdict").isTrue();
        assertThat(report.scenarios()).extracting(Scenario::name).as("scenarios")
                .contains("Every message is counted exactly once", "Throughput and latency", "Load is spread over the subtasks",
                        "Checkpoints complete");
        assertThat(JsonReport.toJson(report).at("/timeline/2/processed").asLong()).as("processed at second 2")
                .isEqualTo(200);
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
    void anExpectedThroughputIsJudgedAgainstTheMeasuredRate() {
        // Given 200 messages committed in a 2 s pipeline: 100 msg/s
        Report reached = Report.of(config(Optional.of(100L)), outcome(0, Map.of(0, 100L, 1, 100L)));
        Report missed = Report.of(config(Optional.of(101L)), outcome(0, Map.of(0, 100L, 1, 100L)));

        assertThat(reached.passed()).as("100 msg/s against >= 100").isTrue();
        assertThat(missed.passed()).as("100 msg/s against >= 101").isFalse();
        assertThat(missed.failedChecks()).singleElement().asString().contains("measured 100, expected >= 101");
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
