package io.streamstress.runner.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.chaos.target.JobManagerControl.JobManagerFailover;
import io.streamstress.checkpoints.CheckpointSettings;
import io.streamstress.checkpoints.RetainedCheckpoints;
import io.streamstress.checkpoints.StateBackendKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.RestoredCheckpointStats;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecution;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JobManager failover on the runner's own MiniCluster (HA services with leadership control): a sequence source
 * and a keyed counter checkpointing every 200 ms lose their JobMaster's leadership for a while; the new JobMaster
 * runs the same job again, every task restarted, from its latest completed checkpoint. And a job that finishes
 * still has its retained checkpoints discarded, as on the non-HA services.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniClusterJobManagerFailoverITCase {

    private static final int KEYS = 4;
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(200);
    private static final Duration LEADERLESS = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Set before the failover: counters opened after it are the new JobMaster's. */
    private static final AtomicBoolean FAILED_OVER = new AtomicBoolean();
    /** The lowest sequence number a counter of the new JobMaster counted. */
    private static final AtomicLong FIRST_AFTER_FAILOVER = new AtomicLong(Long.MAX_VALUE);
    /** The first count that disagreed with its sequence number (state and source position out of step). */
    private static final AtomicReference<String> MISCOUNT = new AtomicReference<>();

    private Path dir;
    private MiniClusterHost cluster;

    @BeforeAll
    void startCluster(@TempDir Path tmp) throws Exception {
        dir = tmp;
        cluster = MiniClusterHost.start(2, 2, false, dir.resolve("flink-tmp"),
                CheckpointSettings.retainOnCluster(new Configuration()));
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aFailedOverJobManagerRunsTheSameJobAgainFromItsLatestCompletedCheckpoint() throws Exception {
        // Given a running counter with at least two completed checkpoints
        Path checkpoints = dir.resolve("checkpoints-failover");
        JobID job = cluster.submit(counter(Long.MAX_VALUE, checkpoints));
        AccessExecutionGraph before = await(job, g -> allRunning(g) && completedCheckpoints(g) >= 2,
                "running with 2 completed checkpoints");
        Set<ExecutionAttemptID> attemptsBefore = attemptIds(before);
        long latestBefore = before.getCheckpointStatsSnapshot().getHistory().getLatestCompletedCheckpoint()
                .getCheckpointId();

        // When its JobMaster loses the leadership for 500 ms and gets it back
        FAILED_OVER.set(true);
        JobManagerFailover failover = cluster.jobManagerOf(job).failover(LEADERLESS);

        // Then the job runs again under its id, every task a new attempt
        AccessExecutionGraph after = await(job, g -> allRunning(g) && !sharesAttempt(g, attemptsBefore),
                "running again, on new attempts");
        long runningAgain = lastRunningSince(after);
        System.out.printf("JobManager failover: revoke → every task RUNNING again in %d ms (leaderless %d ms, "
                        + "granted %d ms after the revoke); %s%n", runningAgain - failover.revokedAtMillis(),
                LEADERLESS.toMillis(), failover.grantedAtMillis() - failover.revokedAtMillis(), failover.description());
        assertThat(after.getJobID()).as("job id after the failover").isEqualTo(job);
        assertThat(after.getState()).as("job state after the failover").isEqualTo(JobStatus.RUNNING);
        assertThat(attemptIds(after)).as("task attempts after the failover").doesNotContainAnyElementsOf(attemptsBefore);
        assertThat(runningAgain).as("tasks running since (ms), after the grant")
                .isGreaterThanOrEqualTo(failover.grantedAtMillis());
        assertThat(failover.grantedAtMillis() - failover.revokedAtMillis()).as("leaderless for (ms)")
                .isGreaterThanOrEqualTo(LEADERLESS.toMillis());

        // And it was restored from the latest checkpoint completed before the failover, or a later one
        RestoredCheckpointStats restored = after.getCheckpointStatsSnapshot().getLatestRestoredCheckpoint();
        assertThat(restored).as("checkpoint the new JobMaster restored").isNotNull();
        assertThat(restored.getCheckpointId()).as("restored checkpoint id (latest before the failover: %d)",
                latestBefore).isGreaterThanOrEqualTo(latestBefore);
        System.out.printf("restored checkpoint %d (latest completed before the revoke: %d) from %s; the new "
                        + "execution graph counts %d completed checkpoint(s)%n", restored.getCheckpointId(), latestBefore,
                restored.getExternalPath(), completedCheckpoints(after));

        // And its state came with it: the counters went on from the restored counts and source position
        AccessExecutionGraph checkpointedAgain = await(job, g -> completedCheckpoints(g) >= 1,
                "a checkpoint completed by the new JobMaster");
        long nextId = checkpointedAgain.getCheckpointStatsSnapshot().getHistory().getLatestCompletedCheckpoint()
                .getCheckpointId();
        assertThat(nextId).as("id of the new JobMaster's checkpoint").isGreaterThan(restored.getCheckpointId());
        assertThat(FIRST_AFTER_FAILOVER.get()).as("first sequence number the new tasks counted")
                .isGreaterThan(0).isLessThan(Long.MAX_VALUE);
        assertThat(MISCOUNT.get()).as("a count out of step with its sequence number").isNull();

        // And the new JobMaster subsumes the handed-over checkpoints as its own: once it has completed more than
        // it retains, only its own are left on disk
        long restoredId = restored.getCheckpointId();
        await(job, g -> completedCheckpoints(g) > CheckpointSettings.DEFAULT_RETAINED
                        && RetainedCheckpoints.newestFirst(checkpoints).size() <= CheckpointSettings.DEFAULT_RETAINED,
                "subsuming the handed-over checkpoints");
        assertThat(RetainedCheckpoints.newestFirst(checkpoints)).as("retained checkpoints on disk")
                .extracting(c -> Long.parseLong(c.getFileName().toString().substring("chk-".length())))
                .allMatch(id -> id > restoredId, "completed after the restored checkpoint " + restoredId);
        cluster.cancel(job);
    }

    @Test
    void aJobThatFinishesLeavesNoRetainedCheckpointsAsOnTheNonHaServices() throws Exception {
        Duration discardPatience = Duration.ofSeconds(10);
        // Given a bounded counter that checkpoints a few times before it ends
        Path checkpoints = dir.resolve("checkpoints-finished");
        JobID job = cluster.submit(counter(2_000, checkpoints));
        await(job, g -> completedCheckpoints(g) >= 2, "2 completed checkpoints");

        // When it finishes
        JobResult result = cluster.awaitResult(job, PATIENCE);

        // Then its checkpoints (retained on cancellation, not on finishing) are gone, once the JobMaster's I/O
        // executor has discarded them (asynchronously, after the result)
        assertThat(result).as("result within %s", PATIENCE).isNotNull();
        assertThat(result.getApplicationStatus().name()).as("final status").isEqualTo("SUCCEEDED");
        long deadline = System.nanoTime() + discardPatience.toNanos();
        while (!RetainedCheckpoints.newestFirst(checkpoints).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(RetainedCheckpoints.newestFirst(checkpoints)).as("retained checkpoints left on disk %s after the "
                + "result", discardPatience).isEmpty();
    }

    /** Sequence numbers at 1,000 a second (one source subtask, in order) → counts per key, 2 counter subtasks. */
    private static StreamGraph counter(long count, Path checkpoints) {
        Configuration config = new CheckpointSettings(CHECKPOINT_INTERVAL, CheckpointingMode.EXACTLY_ONCE,
                StateBackendKind.HASHMAP, false, checkpoints, CheckpointSettings.DEFAULT_RETAINED)
                .applyTo(new Configuration());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.fromSource(new DataGeneratorSource<>(index -> index, count, RateLimiterStrategy.perSecond(1_000),
                        Types.LONG), WatermarkStrategy.noWatermarks(), "sequence").setParallelism(1)
                .keyBy(index -> index % KEYS)
                .process(new CountPerKey()).setParallelism(2)
                .sinkTo(new DiscardingSink<>()).setParallelism(2);
        return env.getStreamGraph();
    }

    /** Counts the sequence numbers of each key; with an in-order source, number n is count n / KEYS + 1. */
    private static final class CountPerKey extends KeyedProcessFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;

        private transient ValueState<Long> count;
        private transient boolean afterFailover;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            afterFailover = FAILED_OVER.get();
        }

        @Override
        public void processElement(Long index, Context context, Collector<Long> out) throws Exception {
            long counted = (count.value() == null ? 0 : count.value()) + 1;
            count.update(counted);
            if (counted != index / KEYS + 1) {
                MISCOUNT.compareAndSet(null, "sequence number " + index + " counted as " + counted);
            }
            if (afterFailover) {
                FIRST_AFTER_FAILOVER.accumulateAndGet(index, Math::min);
            }
            out.collect(counted);
        }
    }

    private AccessExecutionGraph await(JobID job, Predicate<AccessExecutionGraph> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        AccessExecutionGraph graph = null;
        while (System.nanoTime() < deadline) {
            try {
                graph = cluster.executionGraph(job);
                if (condition.test(graph)) {
                    return graph;
                }
            } catch (IllegalStateException e) {
                // No JobMaster leads the job just now.
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("job " + job + " not " + what + " within " + PATIENCE.toSeconds() + " s; last seen "
                + (graph == null ? "nothing" : graph.getState()));
    }

    private static boolean allRunning(AccessExecutionGraph graph) {
        if (graph.getState() != JobStatus.RUNNING) {
            return false;
        }
        for (AccessExecutionVertex vertex : graph.getAllExecutionVertices()) {
            if (vertex.getCurrentExecutionAttempt().getState() != ExecutionState.RUNNING) {
                return false;
            }
        }
        return true;
    }

    private static long completedCheckpoints(AccessExecutionGraph graph) {
        CheckpointStatsSnapshot stats = graph.getCheckpointStatsSnapshot();
        return stats == null ? 0 : stats.getCounts().getNumberOfCompletedCheckpoints();
    }

    private static Set<ExecutionAttemptID> attemptIds(AccessExecutionGraph graph) {
        Set<ExecutionAttemptID> ids = new HashSet<>();
        for (AccessExecutionVertex vertex : graph.getAllExecutionVertices()) {
            ids.add(vertex.getCurrentExecutionAttempt().getAttemptId());
        }
        return ids;
    }

    private static boolean sharesAttempt(AccessExecutionGraph graph, Set<ExecutionAttemptID> attempts) {
        return attemptIds(graph).stream().anyMatch(attempts::contains);
    }

    /** When the last of the current attempts switched to RUNNING. */
    private static long lastRunningSince(AccessExecutionGraph graph) {
        long last = 0;
        for (AccessExecutionVertex vertex : graph.getAllExecutionVertices()) {
            AccessExecution attempt = vertex.getCurrentExecutionAttempt();
            last = Math.max(last, attempt.getStateTimestamp(ExecutionState.RUNNING));
        }
        return last;
    }
}
