package io.streamstress.runner.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamstress.checkpoints.CompletedCheckpoint;
import io.streamstress.chaos.clock.RecoveryClock;
import io.streamstress.chaos.inject.ChaosTap;
import io.streamstress.redis.verify.PartitionCheck;
import io.streamstress.redis.verify.Verification;
import io.streamstress.runner.chaos.FaultRecord;
import io.streamstress.runner.config.StressConfig;
import io.streamstress.runner.observe.LatencySummary;
import io.streamstress.runner.run.Recording;
import io.streamstress.runner.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * {@code stress-report.json}: top-level {@code config}, {@code environment}, {@code timeline},
 * {@code latency}, {@code checkpoints}, {@code faults}, {@code loadDistribution}, {@code verification}, {@code scenarios}, {@code timing} and
 * {@code verdict}. Times are wall-clock ms, clocks are ms after T0.
 */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    static void write(Report report, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toJson(report));
    }

    static ObjectNode toJson(Report report) {
        StressConfig config = report.config();
        RunOutcome outcome = report.outcome();
        Recording recording = outcome.recording();
        ObjectNode root = JSON.createObjectNode();
        root.set("config", config(config));
        root.set("environment", environment());
        ArrayNode timeline = root.putArray("timeline");
        for (Timeline.Second second : Timeline.of(recording)) {
            ObjectNode entry = timeline.addObject().put("second", second.second()).put("produced", second.produced())
                    .put("processed", second.processed()).put("committed", second.committed())
                    .put("processedPerSecond", second.processedPerSecond())
                    .put("committedPerSecond", second.committedPerSecond());
            if (second.lag() < 0) {
                entry.putNull("lag");
            } else {
                entry.put("lag", second.lag());
            }
            entry.put("behindScheduleMs", second.behindScheduleMs())
                    .put("checkpointsCompleted", second.checkpointsCompleted())
                    .put("lastCheckpointId", second.lastCheckpointId())
                    .put("checkpointsFailed", second.checkpointsFailed())
                    .put("faultsInjected", second.faultsInjected());
        }
        ArrayNode checkpoints = root.putArray("checkpoints");
        for (CompletedCheckpoint checkpoint : recording.checkpoints()) {
            checkpoints.addObject().put("id", checkpoint.id()).put("state", "COMPLETED")
                    .put("triggeredAt", checkpoint.triggeredAtMillis())
                    .put("completedAt", checkpoint.completedAtMillis()).put("durationMs", checkpoint.durationMillis())
                    .put("stateBytes", checkpoint.stateBytes());
        }
        ArrayNode faults = root.putArray("faults");
        for (FaultRecord fault : outcome.faults()) {
            faults.add(fault(fault));
        }
        ObjectNode load = root.putObject("loadDistribution");
        ObjectNode perSubtask = load.putObject("recordsPerSubtask");
        recording.processedPerSubtask().forEach((subtask, count) -> perSubtask.put(String.valueOf(subtask), count));
        ObjectNode perTaskManager = load.putObject("recordsPerTaskManager");
        new TreeMap<>(recording.processedPerTaskManager()).forEach(perTaskManager::put);
        ObjectNode latency = root.putObject("latency");
        latency.put("scheduled", recording.scheduled());
        latency(latency, "processing", recording.processingLatency(), "produce timestamp to the record reaching "
                + "the sink, replays included, one record in " + (ChaosTap.LATENCY_SAMPLE_MASK + 1) + " sampled");
        latency(latency, "commit", recording.commitLatency(), "produce timestamp to the record's count committed "
                + "in Redis (per-partition counts read every 25 ms), about 20,000 messages sampled");
        if (recording.scheduled()) {
            latency(latency, "processingFromIntended", recording.processingLatencyFromIntended(),
                    "intended send time (the producer's schedule) to the record reaching the sink");
            latency(latency, "commitFromIntended", recording.commitLatencyFromIntended(),
                    "intended send time to the record's count committed in Redis");
        }
        root.set("verification", verification(outcome.verification()));
        ArrayNode scenarios = root.putArray("scenarios");
        for (Scenario scenario : report.scenarios()) {
            ObjectNode node = scenarios.addObject().put("name", scenario.name()).put("given", scenario.given())
                    .put("when", scenario.when());
            ArrayNode then = node.putArray("then");
            for (Check check : scenario.then()) {
                ObjectNode c = then.addObject().put("text", check.text()).put("measured", check.measured());
                c.put("threshold", check.threshold());
                if (check.passed() == null) {
                    c.putNull("passed");
                } else {
                    c.put("passed", check.passed());
                }
            }
            node.put("passed", scenario.passed());
        }
        root.putObject("timing").put("produceMs", outcome.produceTime().toMillis())
                .put("jobMs", outcome.jobTime().toMillis()).put("pipelineMs", outcome.pipelineTime().toMillis())
                .put("startupMs", outcome.startupTime().toMillis()).put("wallMs", outcome.wallTime().toMillis())
                .put("firstSendAt", outcome.recording().pipelineStartMillis());
        root.put("verdict", report.passed() ? "PASS" : "FAIL");
        return root;
    }

    private static void latency(ObjectNode parent, String name, LatencySummary summary, String description) {
        parent.putObject(name).put("description", description).put("unit", "ms").put("count", summary.count())
                .put("p50", summary.p50()).put("p90", summary.p90()).put("p99", summary.p99())
                .put("p999", summary.p999()).put("max", summary.max());
    }

    private static ObjectNode config(StressConfig config) {
        ObjectNode node = JSON.createObjectNode();
        node.put("messages", config.messages()).put("partitions", config.partitions())
                .put("recordSize", config.recordSize()).put("ratePerSecond", config.ratePerSecond())
                .put("trafficPattern", config.trafficPattern().toString())
                .put("metricsPort", config.metricsPort()).put("preload", config.preload())
                .put("cluster", config.cluster().toString())
                .put("taskManagers", config.taskManagers())
                .put("slotsPerTaskManager", config.slotsPerTaskManager())
                .put("checkpointIntervalMs", config.checkpointInterval().toMillis())
                .put("stateBackend", config.stateBackend().toString()).put("delivery", config.delivery().toString())
                .put("chaos", config.chaos().describe()).put("chaosSeed", config.chaos().seed())
                .put("kafka", config.bootstrapServers().orElse("embedded"))
                .put("kafkaBrokers", config.kafka().embeddedBrokers())
                .put("replicationFactor", config.kafka().replication().map(Short::intValue).orElse(0))
                .put("redis", config.redisUri().isPresent() ? "external" : "embedded")
                .put("infra", config.infra().kind().toString().toLowerCase(Locale.ROOT));
        if (config.infra().docker()) {
            node.put("redisImage", config.infra().redisImage()).put("jreImage", config.infra().jreImage());
        }
        return node;
    }

    private static ObjectNode environment() {
        ObjectNode node = JSON.createObjectNode();
        Runtime runtime = Runtime.getRuntime();
        node.put("java", System.getProperty("java.version")).put("javaVendor", System.getProperty("java.vendor"))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .put("arch", System.getProperty("os.arch")).put("cores", runtime.availableProcessors())
                .put("maxHeapBytes", runtime.maxMemory()).put("flink", EnvironmentInformation.getVersion())
                .put("kafka", AppInfoParser.getVersion());
        return node;
    }

    private static ObjectNode fault(FaultRecord fault) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", fault.planned().kind().toString()).put("planned", fault.planned().toString())
                .put("injected", fault.injected());
        fault.planned().server().ifPresent(role -> node.put("server", role.toString()));
        fault.notInjected().ifPresent(why -> node.put("notInjected", why));
        fault.injection().ifPresent(injection -> node.put("t0", injection.t0Millis()).put("detail", injection.detail()));
        fault.clock().ifPresent(clock -> {
            putClock(node, "t1Ms", clock, clock.t1());
            putClock(node, "t2Ms", clock, clock.t2());
            putClock(node, "t3Ms", clock, clock.t3());
            putClock(node, "t4Ms", clock, clock.t4());
            putClock(node, "recoveryMs", clock, clock.recovered());
            putClock(node, "detectedMs", clock, clock.detected());
            node.put("recoveredWhen", clock.basis());
            if (clock.baselinePerSecond().isPresent()) {
                node.put("t4BaselinePerSecond", Math.round(clock.baselinePerSecond().getAsDouble()));
            } else {
                node.putNull("t4BaselinePerSecond");
            }
        });
        return node;
    }

    private static void putClock(ObjectNode node, String name, RecoveryClock clock, OptionalLong t) {
        if (t.isPresent()) {
            node.put(name, t.getAsLong() - clock.t0());
        } else {
            node.putNull(name);
        }
    }

    private static ObjectNode verification(Verification v) {
        ObjectNode node = JSON.createObjectNode();
        node.put("expected", v.expected()).put("produced", v.produced()).put("endOffsets", v.endOffsets())
                .put("committed", v.committed()).put("redisTotal", v.redisTotal()).put("lost", v.lost())
                .put("duplicated", v.duplicated()).put("poison", v.poison()).put("poisonProduced", v.poisonProduced())
                .put("passed", v.passed());
        ArrayNode partitions = node.putArray("partitions");
        for (PartitionCheck p : v.partitions()) {
            partitions.addObject().put("partition", p.partition()).put("produced", p.produced())
                    .put("endOffset", p.endOffset()).put("committed", p.committed()).put("lost", p.tiling().lost())
                    .put("duplicated", p.tiling().duplicated()).put("poison", p.poisonCommitted())
                    .put("passed", p.passed());
        }
        return node;
    }
}
