package io.streamstress.runner.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.chaos.probe.ProbeReader;
import io.streamstress.chaos.probe.jvm.JvmProbe;
import io.streamstress.kafka.broker.BrokerSettings;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.PartitionPlan;
import io.streamstress.kafka.producer.ProduceResult;
import io.streamstress.kafka.producer.ProducerSettings;
import io.streamstress.kafka.record.StressRecord;
import io.streamstress.kafka.source.StressSourceFactory;
import io.streamstress.kafka.topic.TopicAdmin;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.RedisServerSettings;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.sink.RedisCounterSink;
import io.streamstress.redis.verify.CountVerifier;
import io.streamstress.redis.verify.Verification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job topology on a shared test cluster (not the runner's own MiniCluster): the same
 * {@link StressJob#defineWorkflow} the CLI uses, against a real broker and a real Redis.
 */
class StressJobITCase {

    private static final int PARALLELISM = 4;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(2)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedRedisServer redis;

    @BeforeAll
    static void startServers() throws Exception {
        kafka = new EmbeddedKafkaBroker(BrokerSettings.loopback(dir.resolve("kafka")));
        kafka.start();
        redis = new EmbeddedRedisServer(RedisServerSettings.loopback(dir.resolve("redis"), "job-test"));
        redis.start();
    }

    @AfterAll
    static void stopServers() {
        kafka.stop();
        redis.stop();
    }

    @Test
    void countsATopicExactlyOnceThroughATaskFailure() throws Exception {
        // Given a 4-partition topic fed at 20,000 msg/s for 5 s while the job runs (so that checkpoints complete
        // mid-stream even when the job is slow to start on a busy machine)
        PartitionPlan plan = new PartitionPlan(100_000, PARALLELISM);
        try (TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers(), Duration.ofSeconds(30))) {
            admin.createTopic("job-test", PARALLELISM, (short) 1);
        }
        LoadProducer producer = new LoadProducer(
                ProducerSettings.of(kafka.bootstrapServers(), "job-test", plan).withRatePerSecond(20_000));
        CompletableFuture<ProduceResult> production = CompletableFuture.supplyAsync(() -> {
            try {
                return producer.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        CounterKeys keys = new CounterKeys("streamstress:job-test");

        // And the workflow, with checkpoints every second (about 5,000 records per subtask and interval, above
        // the 1,500 past a barrier that the injected failure waits for) and one subtask failing once
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(1_000);
        ProbeReader probe = JvmProbe.open().reader();
        probe.reset();
        probe.arm(2);
        StressJob.defineWorkflow(env,
                StressSourceFactory.create(kafka.bootstrapServers(), "job-test", "job-test", plan.stoppingOffsets("job-test")),
                RedisCounterSink.<StressRecord>builder()
                        .setRedisUri(redis.uri())
                        .setKeyPrefix(keys.prefix())
                        .setRecordPosition(new StressRecordPosition())
                        .build());

        // When it runs to the end of the bounded source
        env.execute("stress job test");

        // Then the count is exact, and the fault really happened
        ProduceResult produced = production.get(1, TimeUnit.MINUTES);
        Verification verification = new CountVerifier(redis.uri(), keys)
                .verify(plan.messages(), produced.ackedPerPartition(), plan.messagesPerPartition());
        assertThat(verification.problems()).as("problems").isEmpty();
        assertThat(verification.committed()).as("committed").isEqualTo(100_000);
        assertThat(probe.thrown()).as("injected failures").hasSize(1)
                .allSatisfy(thrown -> assertThat(thrown.subtask()).as("failed subtask").isEqualTo(2));
        assertThat(probe.firstRecords()).as("restarted attempt processed records")
                .anySatisfy(first -> assertThat(first).extracting("subtask", "attempt").containsExactly(2, 1));
    }
}
