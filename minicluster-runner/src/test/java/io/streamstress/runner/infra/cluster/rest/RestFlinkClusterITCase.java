package io.streamstress.runner.infra.cluster.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.probe.ProbeReader;
import io.streamstress.chaos.probe.jvm.JvmProbe;
import io.streamstress.chaos.probe.jvm.JvmProbeChannel;
import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.kafka.broker.BrokerSettings;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.kafka.client.KafkaClientProperties;
import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.PartitionPlan;
import io.streamstress.kafka.producer.ProduceResult;
import io.streamstress.kafka.producer.ProducerSettings;
import io.streamstress.kafka.topic.TopicAdmin;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.RedisServerSettings;
import io.streamstress.redis.sink.CounterDelivery;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.verify.CountVerifier;
import io.streamstress.redis.verify.Verification;
import io.streamstress.runner.infra.cluster.ClusterKind;
import io.streamstress.runner.infra.cluster.JobFailure;
import io.streamstress.runner.infra.cluster.JobView;
import io.streamstress.runner.infra.cluster.SubtaskAttempt;
import io.streamstress.runner.job.JobSpec;
import io.streamstress.runner.job.StressJobGraph;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectClusterRESTAddress;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RestFlinkCluster} against a real session cluster's REST endpoint (a MiniCluster's; its class path is
 * this JVM's, so no job jar), with the real job, broker and Redis: what the view shows of a running job, of a
 * failure in it and of its end; cancellation; the TaskManager faults it cannot inject.
 */
class RestFlinkClusterITCase {

    private static final int PARALLELISM = 2;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration VIEW_POLL = Duration.ofMillis(100);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(clusterConfiguration())
            .setNumberTaskManagers(PARALLELISM)
            .setNumberSlotsPerTaskManager(1)
            .build());

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedRedisServer redis;

    /** Fresh REST answers (the defaults cache them 3 s) and restarts enough for one injected failure. */
    private static Configuration clusterConfiguration() {
        Configuration config = new Configuration();
        config.set(WebOptions.REFRESH_INTERVAL, Duration.ofMillis(100));
        config.set(RestOptions.CACHE_CHECKPOINT_STATISTICS_TIMEOUT, Duration.ofMillis(100));
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return config;
    }

    @BeforeAll
    static void startServers() throws Exception {
        kafka = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir.resolve("kafka")));
        kafka.start();
        redis = new EmbeddedRedisServer(RedisServerSettings.loopback(dir.resolve("redis"), "rest-view"));
        redis.start();
    }

    @AfterAll
    static void stopServers() {
        kafka.stop();
        redis.stop();
    }

    @Test
    void theViewShowsAttemptsCheckpointsAndFailuresOfTheJob(@InjectClusterRESTAddress URI rest) throws Exception {
        // Given the cluster connected by its REST URL, and a 2-partition topic fed at 10,000 msg/s for 10 s (about
        // 5,000 records per subtask between two checkpoints, above the 1,500 an injected failure waits for)
        PartitionPlan plan = new PartitionPlan(100_000, PARALLELISM);
        CompletableFuture<ProduceResult> production = produceWhileTheJobRuns("view", plan, 10_000);
        CounterKeys keys = StressJobGraph.keysOf("rest-view");
        ProbeReader probe = JvmProbe.open().reader();
        probe.reset();
        try (RestFlinkCluster cluster = RestFlinkCluster.connect(RestUrl.parse(rest.toString()), CONNECT_TIMEOUT,
                Optional.empty())) {

            // When the job runs
            JobID job = cluster.submit(StressJobGraph.streamGraph(spec("view", plan.stoppingOffsets("view"), keys)));

            // Then the view shows both subtasks running (since when, on which TaskManager) and completed checkpoints
            JobView running = awaitView(cluster, job, "both subtasks running and a checkpoint completed",
                    view -> view.attempts().size() == PARALLELISM
                            && view.attempts().stream().allMatch(SubtaskAttempt::running)
                            && !view.completedCheckpoints().isEmpty());
            assertThat(running.state()).as("job state").isEqualTo("RUNNING");
            assertThat(running.attempts()).as("attempts").allSatisfy(attempt -> {
                assertThat(attempt.attempt()).as("attempt number").isZero();
                assertThat(attempt.runningSinceMillis()).as("RUNNING since")
                        .isPositive().isLessThanOrEqualTo(System.currentTimeMillis());
                assertThat(attempt.taskManagerId()).as("TaskManager").isNotBlank();
            });
            assertThat(running.attempts()).as("one subtask per 1-slot TaskManager")
                    .extracting(SubtaskAttempt::taskManagerId).doesNotHaveDuplicates();
            assertThat(running.completedCheckpoints()).as("completed checkpoints").allSatisfy(checkpoint -> {
                assertThat(checkpoint.id()).as("id").isPositive();
                assertThat(checkpoint.completedAtMillis()).as("completed at")
                        .isGreaterThanOrEqualTo(checkpoint.triggeredAtMillis());
                assertThat(checkpoint.durationMillis()).as("duration").isNotNegative();
                assertThat(checkpoint.stateBytes()).as("state size").isPositive();
            });
            assertThat(running.failures()).as("failures so far").isEmpty();

            // When subtask 1 fails once
            SubtaskAttempt before = attemptOf(running, 1);
            probe.arm(1);

            // Then the exception history says what failed, when and on which TaskManager, and the subtask runs again
            JobView recovered = awaitView(cluster, job, "subtask 1 failed and running again",
                    view -> !view.failures().isEmpty() && attemptOf(view, 1).attempt() == 1
                            && attemptOf(view, 1).running());
            JobFailure failure = recovered.failures().get(0);
            // (the Kafka source's record emitter wraps what the chained tap threw: the cause chain has it)
            assertThat(failure.exceptionName()).as("exception of %s", failure).isNotBlank();
            assertThat(failure.message()).as("message")
                    .contains("InjectedTaskFailure: streamstress chaos: injected failure of subtask 1 (attempt 0)");
            assertThat(failure.taskManagerId()).as("where it failed").isEqualTo(before.taskManagerId());
            assertThat(failure.atMillis()).as("when it failed").isGreaterThan(before.runningSinceMillis());
            assertThat(attemptOf(recovered, 1).runningSinceMillis()).as("second attempt RUNNING since")
                    .isGreaterThanOrEqualTo(failure.atMillis());
            assertThat(cluster.taskRestarts(job)).as("task restarts").isEqualTo(1);
            assertThat(recovered.completedCheckpoints()).as("checkpoint ids ascending")
                    .isSortedAccordingTo((a, b) -> Long.compare(a.id(), b.id()));

            // And the job runs to its end, having counted every message once
            JobResult result = cluster.awaitResult(job, WAIT);
            assertThat(result).as("result within %s", WAIT).isNotNull();
            assertThat(result.getSerializedThrowable()).as("job failure").isEmpty();
            assertThat(cluster.view(job).state()).as("final state").isEqualTo("FINISHED");
        }
        ProduceResult produced = production.get(1, TimeUnit.MINUTES);
        Verification verification = new CountVerifier(redis.uri(), keys)
                .verify(plan.messages(), produced.ackedPerPartition(), plan.messagesPerPartition());
        assertThat(verification.problems()).as("verification problems").isEmpty();
        assertThat(verification.committed()).as("committed").isEqualTo(plan.messages());
    }

    @Test
    void aCancelledJobEnds(@InjectClusterRESTAddress URI rest) throws Exception {
        // Given a running job whose source waits for messages nobody produces
        createTopic("idle");
        PartitionPlan plan = new PartitionPlan(1_000, PARALLELISM);
        try (RestFlinkCluster cluster = RestFlinkCluster.connect(RestUrl.parse(rest.toString()), CONNECT_TIMEOUT,
                Optional.empty())) {
            JobID job = cluster.submit(StressJobGraph.streamGraph(
                    spec("idle", plan.stoppingOffsets("idle"), StressJobGraph.keysOf("rest-idle"))));
            awaitView(cluster, job, "both subtasks running", view -> view.attempts().stream()
                    .filter(SubtaskAttempt::running).count() == PARALLELISM);
            assertThat(cluster.awaitResult(job, Duration.ofMillis(300))).as("result of a running job").isNull();

            // When it is cancelled
            cluster.cancel(job);

            // Then it has ended, cancelled
            JobResult result = cluster.awaitResult(job, Duration.ofSeconds(5));
            assertThat(result).as("result after cancel").isNotNull();
            assertThat(result.getApplicationStatus().name()).as("status").isEqualTo("CANCELED");
            assertThat(cluster.view(job).state()).as("state").isEqualTo("CANCELED");
        }
    }

    @Test
    void itSaysWhatItIsAndInjectsNoTaskManagerFault(@InjectClusterRESTAddress URI rest) throws Exception {
        // Given the cluster connected by its REST URL
        try (RestFlinkCluster cluster = RestFlinkCluster.connect(RestUrl.parse(rest.toString()), CONNECT_TIMEOUT,
                Optional.empty())) {
            // When its TaskManagers are asked for
            TaskManagerControl taskManagers = cluster.taskManagersOf(new JobID());

            // Then it describes itself, and no fault is injected into a TaskManager it does not own
            assertThat(cluster.kind()).as("kind").isEqualTo(ClusterKind.REMOTE);
            assertThat(cluster.flinkVersion()).as("version").isEqualTo(FlinkVersionCheck.harnessVersion());
            assertThat(cluster.describe()).as("description")
                    .contains("Flink " + FlinkVersionCheck.harnessVersion(), rest.getPort() + "", "2 TaskManager(s)")
                    .doesNotContain("jar");
            assertThatThrownBy(() -> taskManagers.stopAndReplace(0)).as("stop").isInstanceOf(FaultNotInjectedException.class)
                    .hasMessageContaining("not processes the harness owns");
            assertThatThrownBy(() -> taskManagers.kill(0)).as("kill").isInstanceOf(FaultNotInjectedException.class);
            assertThatThrownBy(() -> taskManagers.freeze(0)).as("freeze").isInstanceOf(FaultNotInjectedException.class);
        }
    }

    private static JobSpec spec(String topic, Map<org.apache.kafka.common.TopicPartition, Long> stoppingOffsets,
            CounterKeys keys) {
        Configuration checkpoints = new Configuration();
        checkpoints.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(1));
        checkpoints.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ZERO);
        return new JobSpec("streamstress " + topic, PARALLELISM, kafka.bootstrapServers(), topic, topic, stoppingOffsets,
                redis.uri(), keys, CounterDelivery.EXACTLY_ONCE, checkpoints.toMap(), JvmProbeChannel.INSTANCE,
                KafkaClientProperties.NONE);
    }

    private static void createTopic(String topic) throws Exception {
        try (TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers(), CONNECT_TIMEOUT)) {
            admin.createTopic(topic, PARALLELISM, (short) 1);
        }
    }

    private static CompletableFuture<ProduceResult> produceWhileTheJobRuns(String topic, PartitionPlan plan, long rate)
            throws Exception {
        createTopic(topic);
        LoadProducer producer = new LoadProducer(
                ProducerSettings.of(kafka.bootstrapServers(), topic, plan).withRatePerSecond(rate));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return producer.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    private static SubtaskAttempt attemptOf(JobView view, int subtask) {
        return view.attempts().stream().filter(a -> a.subtask() == subtask).findFirst()
                .orElseThrow(() -> new AssertionError("no subtask " + subtask + " in " + view));
    }

    /** Polls the view as the harness does until {@code condition} holds; fails with the last view otherwise. */
    private static JobView awaitView(RestFlinkCluster cluster, JobID job, String what, Predicate<JobView> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JobView last = null;
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = cluster.view(job);
                if (condition.test(last)) {
                    return last;
                }
            } catch (IllegalStateException e) {
                lastError = e;
            }
            Thread.sleep(VIEW_POLL.toMillis());
        }
        throw new AssertionError("not within " + WAIT + ": " + what + "; last view " + last, lastError);
    }
}
