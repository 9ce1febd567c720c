package io.streamstress.runner.report;

import io.streamstress.checkpoints.CompletedCheckpoint;
import io.streamstress.redis.verify.Verification;
import io.streamstress.runner.chaos.RecoverySummary;
import io.streamstress.runner.config.StressConfig;
import io.streamstress.runner.infra.cluster.ClusterKind;
import io.streamstress.runner.observe.LatencySummary;
import io.streamstress.runner.observe.Sample;
import io.streamstress.runner.run.RunOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the report's scenarios from what the run measured; no figure here is a constant. */
public final class Scenarios {

    private Scenarios() {}

    /** Where the job ran, as the Given says it. */
    static String cluster(StressConfig config) {
        return switch (config.cluster().kind()) {
            case EMBEDDED -> String.format(Locale.ROOT, "%d TaskManager(s) × %d slot(s) in an embedded MiniCluster",
                    config.taskManagers(), config.slotsPerTaskManager());
            case LOCAL -> String.format(Locale.ROOT, "%d TaskManager JVM(s) × %d slot(s) (+1 spare) of a local session "
                    + "cluster", config.taskManagers(), config.slotsPerTaskManager());
            case DOCKER -> String.format(Locale.ROOT, "%d TaskManager container(s) × %d slot(s) (+1 spare) of a Docker "
                    + "session cluster", config.taskManagers(), config.slotsPerTaskManager());
            case REMOTE -> "the session cluster at " + config.cluster();
        };
    }

    /**
     * Where the topic lives, when the Given has more to say than one embedded broker or the user's Kafka: three
     * embedded brokers, or the servers' containers.
     */
    static String kafka(StressConfig config) {
        int brokers = config.kafka().embeddedBrokers();
        if (config.infra().docker()) {
            return " on a Kafka broker and a Redis each in its own Docker container (" + config.infra().jreImage() + ", "
                    + config.infra().redisImage() + ")";
        }
        return brokers > 1
                ? String.format(Locale.ROOT, " on %d embedded Kafka brokers (%d replicas each)", brokers,
                        config.kafka().replication().orElse((short) brokers))
                : "";
    }

    public static List<Scenario> of(StressConfig config, RunOutcome outcome) {
        String given = String.format(Locale.ROOT, "%,d messages of %d bytes in %d partitions%s, %s, %s sink, "
                + "checkpoints every %d ms", config.messages(), config.recordSize(), config.partitions(), kafka(config),
                cluster(config), config.delivery(), config.checkpointInterval().toMillis());
        String when = "the run injects " + (config.chaos().isEmpty() ? "no faults" : config.chaos().describe());
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(exactlyOnce(given, when, outcome));
        for (RecoverySummary summary : RecoverySummary.of(outcome.faults())) {
            scenarios.add(recovery(given, summary, config));
        }
        scenarios.add(throughput(given, when, outcome, config));
        scenarios.add(loadSpread(given, when, outcome, config));
        scenarios.add(checkpointing(given, when, outcome));
        return scenarios;
    }

    private static Scenario exactlyOnce(String given, String when, RunOutcome outcome) {
        Verification v = outcome.verification();
        List<Check> then = new ArrayList<>();
        then.add(Check.judged("every message asked for was produced", v.produced(), "= " + v.expected(),
                v.produced() == v.expected()));
        then.add(Check.judged("the topic holds what the broker acknowledged", v.endOffsets(),
                "= " + (v.produced() + v.poisonProduced()), v.endOffsets() == v.produced() + v.poisonProduced()));
        then.add(Check.judged("every produced message was committed to Redis", v.committed(), "= " + v.produced(),
                v.committed() == v.produced()));
        then.add(Check.judged("no sequence number was lost", v.lost(), "0", v.lost() == 0));
        then.add(Check.judged("no sequence number was committed twice", v.duplicated(), "0", v.duplicated() == 0));
        if (v.poisonProduced() > 0) {
            then.add(Check.judged("every poison record was set aside, none counted", v.poison(),
                    "= " + v.poisonProduced(), v.poison() == v.poisonProduced()));
        }
        long planned = outcome.faults().size();
        then.add(Check.judged("every planned fault was injected", outcome.injectedFaults(), "= " + planned,
                outcome.injectedFaults() == planned));
        if (outcome.timedOut()) {
            then.add(Check.judged("the run finished within --max-time", "no", "yes", false));
        }
        outcome.jobFailure().ifPresent(cause -> then.add(Check.judged("the job did not fail", cause, "no failure", false)));
        return new Scenario("Every message is counted exactly once", given, when, then);
    }

    private static Scenario recovery(String given, RecoverySummary summary, StressConfig config) {
        List<Check> then = new ArrayList<>();
        then.add(Check.reported("faults recovered from before the run ended",
                summary.recoveredMillis().size() + " of " + summary.injected()));
        then.add(Check.reported("recovery time p50 (s)", seconds(summary.p50().orElse(-1))));
        if (config.expectRecovery().isPresent()) {
            long limit = config.expectRecovery().get().toMillis();
            boolean allRecovered = summary.recoveredMillis().size() == summary.injected();
            then.add(Check.judged("recovery time max (s)", seconds(summary.max().orElse(-1)),
                    "<= " + seconds(limit) + ", every fault recovered",
                    allRecovered && summary.max().orElse(Long.MAX_VALUE) <= limit));
        } else {
            then.add(Check.reported("recovery time max (s)", seconds(summary.max().orElse(-1))));
        }
        return new Scenario("Recovery from " + summary.kind(), given,
                summary.injected() + " × " + summary.kind() + " is injected", then);
    }

    private static Scenario throughput(String given, String when, RunOutcome outcome, StressConfig config) {
        var latency = outcome.recording().processingLatency();
        String rate = String.format(Locale.ROOT, "%.0f", outcome.messagesPerSecond());
        Check throughput = config.expectThroughput().isPresent()
                ? Check.judged("messages per second, first send to everything committed", rate,
                        ">= " + config.expectThroughput().get(),
                        outcome.messagesPerSecond() >= config.expectThroughput().get())
                : Check.reported("messages per second, first send to everything committed", rate);
        return new Scenario("Throughput and latency", given, when, List.of(
                throughput,
                Check.reported("pipeline seconds", seconds(outcome.pipelineTime().toMillis())),
                Check.reported("processing latency p50 / p99 / max (ms, produce → sink)", percentiles(latency)),
                Check.reported("commit latency p50 / p99 / max (ms, produce → committed in Redis)",
                        percentiles(outcome.recording().commitLatency())),
                scheduled(outcome, "processing latency from the intended send time p50 / p99 / max (ms)",
                        percentiles(outcome.recording().processingLatencyFromIntended())),
                scheduled(outcome, "commit latency from the intended send time p50 / p99 / max (ms)",
                        percentiles(outcome.recording().commitLatencyFromIntended())),
                scheduled(outcome, "producer behind its schedule, at most (ms)", outcome.recording().seconds().stream()
                        .mapToLong(Sample::behindScheduleMillis).max().orElse(0))));
    }

    private static Check scheduled(RunOutcome outcome, String text, Object measured) {
        return outcome.recording().scheduled()
                ? Check.reported(text, measured)
                : Check.reported(text, "- (no --rate or --traffic-pattern: no schedule)");
    }

    private static String percentiles(LatencySummary latency) {
        return latency.count() == 0 ? "-" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f", latency.p50(), latency.p99(),
                latency.max());
    }

    private static Scenario loadSpread(String given, String when, RunOutcome outcome, StressConfig config) {
        Map<Integer, Long> perSubtask = outcome.recording().processedPerSubtask();
        Map<String, Long> perTaskManager = outcome.recording().processedPerTaskManager();
        long busySubtasks = perSubtask.values().stream().filter(c -> c > 0).count();
        long busyTaskManagers = perTaskManager.values().stream().filter(c -> c > 0).count();
        // Only a partition with records (or poison) in it gives its subtask something to read: with fewer
        // messages than partitions, or a cut-short run, some subtasks rightly read nothing.
        long partitionsWithRecords = outcome.verification().partitions().stream().filter(p -> p.endOffset() > 0).count();
        long subtasksWithWork = Math.min(config.parallelism(), partitionsWithRecords);
        // The fewest TaskManagers those subtasks fit in: Flink may pack slots, but never into fewer.
        long needed = Math.min(config.taskManagers(),
                (subtasksWithWork + config.slotsPerTaskManager() - 1) / config.slotsPerTaskManager());
        return new Scenario("Load is spread over the TaskManagers", given, when, List.of(
                Check.judged("subtasks that processed records", busySubtasks,
                        ">= " + subtasksWithWork + " (the subtasks of the " + partitionsWithRecords
                                + " partitions with records)", busySubtasks >= subtasksWithWork),
                // On a user's cluster the slots per TaskManager are the cluster's, not --slots-per-task-manager.
                config.cluster().kind() == ClusterKind.REMOTE
                        ? Check.reported("TaskManagers that processed records (the cluster's own slot layout)",
                                busyTaskManagers)
                        : Check.judged("TaskManagers that processed records", busyTaskManagers,
                                ">= " + needed + " (" + subtasksWithWork + " busy subtasks in "
                                        + config.slotsPerTaskManager() + "-slot TaskManagers)",
                                busyTaskManagers >= needed),
                Check.reported("subtasks with no records to read (their partitions were empty)",
                        config.parallelism() - subtasksWithWork),
                Check.reported("max / min records per busy TaskManager", ratio(positive(perTaskManager.values()))),
                Check.reported("max / min records per busy subtask", ratio(positive(perSubtask.values())))));
    }

    private static List<Long> positive(Collection<Long> counts) {
        return counts.stream().filter(c -> c > 0).toList();
    }

    private static long min(Collection<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static String ratio(Collection<Long> counts) {
        long min = min(counts);
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        return min > 0 ? String.format(Locale.ROOT, "%.2f", max / (double) min) : "-";
    }

    private static Scenario checkpointing(String given, String when, RunOutcome outcome) {
        List<CompletedCheckpoint> completed = outcome.recording().checkpoints();
        List<Long> durations = completed.stream().map(CompletedCheckpoint::durationMillis).sorted().toList();
        String p99 = durations.isEmpty() ? "-"
                : String.valueOf(durations.get((int) Math.ceil(durations.size() * 0.99) - 1));
        return new Scenario("Checkpoints complete", given, when, List.of(
                Check.judged("checkpoints completed", completed.size(), ">= 1", !completed.isEmpty()),
                Check.reported("checkpoints failed", outcome.recording().failedCheckpoints()),
                Check.reported("checkpoint duration p99 (ms)", p99)));
    }

    private static String seconds(long millis) {
        return millis < 0 ? "-" : String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }
}
