package io.streamstress.runner.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.chaos.inject.ChaosTap;
import io.streamstress.chaos.inject.Injection;
import io.streamstress.chaos.inject.TaskExceptionInjector;
import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.FaultTrigger;
import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.probe.FirstRecord;
import io.streamstress.chaos.probe.ProbeChannel;
import io.streamstress.chaos.probe.ProbeEnds;
import io.streamstress.chaos.probe.ProbeReader;
import io.streamstress.chaos.probe.Thrown;
import io.streamstress.chaos.probe.redis.RedisProbe;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.RedisServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.assertj.core.groups.Tuple;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@link ChaosTap} in a small Flink job (a throttled number sequence, p = 2), reporting through the
 * Redis probe channel to a real, password-protected Redis; the harness side is the channel's reader. A counter
 * chained after the tap (this JVM's static: the test cluster runs here) is the independent record of what each
 * subtask passed on.
 */
class RedisProbeChannelITCase {

    private static final int PARALLELISM = 2;
    /** A sleep of 1 ms every this many records: at most ~10,000 records/s per subtask. */
    private static final int RECORDS_PER_MILLISECOND = 10;
    private static final long POISON_EVERY = 1_000;
    private static final long POISON_AT = 7;
    private static final int POISON_PARTITIONS = 3;

    /** Records each subtask passed on after the tap, replays included. */
    static final AtomicLongArray PASSED = new AtomicLongArray(PARALLELISM);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .build());

    @TempDir
    static Path dir;

    private static EmbeddedRedisServer redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = new EmbeddedRedisServer(RedisServerSettings.loopback(dir.resolve("redis"), "probe-secret"));
        redis.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.stop();
    }

    @BeforeEach
    void forgetCounts() {
        for (int i = 0; i < PARALLELISM; i++) {
            PASSED.set(i, 0);
        }
    }

    @Test
    void countsEveryRecordExactlyThroughARedisStall() throws Exception {
        // Given 60,000 records through the tap (p = 2, at most ~20,000/s in all), checkpoints every 200 ms
        long records = 60_000;
        try (ProbeEnds probe = RedisProbe.open(redis.uri(), "streamstress:probe-stall:probe:")) {
            ProbeReader reader = probe.reader();
            reader.reset();
            JobClient job = submit(records, probe.channel(), 1_500);

            // When Redis is frozen (SIGSTOP) for 1.5 s while the job runs and checkpoints
            awaitPassed(15_000, Duration.ofSeconds(60));
            redis.pause();
            long passedAtPause = passed();
            long readStart = System.nanoTime();
            reader.processedCount();
            long readMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - readStart);
            Thread.sleep(1_500);
            long passedDuringPause = passed() - passedAtPause;
            redis.resume();
            job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

            // Then records kept flowing, the harness did not hang on the frozen Redis, and the figures are exact
            assertThat(passedDuringPause).as("records passed while Redis was frozen").isGreaterThan(1_000);
            assertThat(readMillis).as("ms a read of the frozen Redis took").isLessThan(2_000);
            assertThat(passed()).as("records passed on (no failure, so each once)").isEqualTo(records);
            assertThat(reader.processedPerSubtask()).as("processed per subtask").isEqualTo(passedPerSubtask());
            assertThat(reader.processedCount()).as("processed").isEqualTo(records);
            assertThat(reader.processedPerTaskManager()).as("processed per TaskManager").hasSize(1)
                    .containsValue(records);
            assertThat(reader.firstRecords()).as("first records")
                    .extracting(FirstRecord::subtask, FirstRecord::attempt)
                    .containsExactlyInAnyOrder(Tuple.tuple(0, 0), Tuple.tuple(1, 0));
            assertThat(reader.thrown()).as("thrown").isEmpty();
            assertThat(reader.latencySinceLastCall().getTotalCount()).as("latency samples")
                    .isEqualTo(expectedSamples());
            assertThat(reader.latencySinceLastCall().getTotalCount()).as("latency samples since").isZero();
            assertThat(reader.intendedLatencySinceLastCall().getTotalCount()).as("intended latency samples")
                    .isEqualTo(expectedSamples());
            for (int partition = 0; partition < POISON_PARTITIONS; partition++) {
                long poison = poisonIn(records, partition);
                assertThat(reader.poisonReadAt(partition, poison)).as("all poison of partition " + partition + " read")
                        .isPresent();
                assertThat(reader.poisonReadAt(partition, poison + 1)).as("more poison than partition " + partition
                        + " holds").isEmpty();
            }
        }
    }

    @Test
    void anArmedSubtaskThrowsOnceAndItsRestartIsSeen() throws Exception {
        // Given 40,000 records, checkpoints every 200 ms, a failure allowed 200 records past a barrier
        long records = 40_000;
        try (ProbeEnds probe = RedisProbe.open(redis.uri(), "streamstress:probe-arm:probe:")) {
            ProbeReader reader = probe.reader();
            reader.reset();
            JobClient job = submit(records, probe.channel(), 200);
            awaitPassed(2_000, Duration.ofSeconds(60));

            // When the injector arms subtask 1 through the reader and waits for the throw
            Injection injection = new TaskExceptionInjector(reader, () -> PARALLELISM, Duration.ofSeconds(30),
                    () -> job.getJobStatus().join().isGloballyTerminalState())
                    .inject(new PlannedFault(FaultKind.TASK_EXCEPTION, new FaultTrigger.Asap(), 1));
            job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

            // Then it threw once, its restart was seen, and the counts are exact (the tap counted the record it
            // threw on, which never reached the counter after it)
            assertThat(reader.thrown()).as("thrown").singleElement().satisfies(thrown -> {
                assertThat(thrown).extracting(Thrown::subtask, Thrown::attempt).as("who threw")
                        .containsExactly(1, 0);
                assertThat(thrown.atMillis()).as("throw time").isEqualTo(injection.t0Millis());
                assertThat(thrown.recordsSinceBarrier()).as("records past the barrier").isGreaterThanOrEqualTo(200);
            });
            assertThat(reader.firstRecords()).as("first record of the restarted attempt")
                    .anySatisfy(first -> {
                        assertThat(first).extracting(FirstRecord::subtask, FirstRecord::attempt).containsExactly(1, 1);
                        assertThat(first.atMillis()).as("after the throw").isGreaterThanOrEqualTo(injection.t0Millis());
                    });
            Map<Integer, Long> expected = passedPerSubtask();
            expected.merge(1, 1L, Long::sum);
            assertThat(reader.processedPerSubtask()).as("processed per subtask").isEqualTo(expected);
            long replayed = reader.thrown().get(0).recordsSinceBarrier() - 1;
            assertThat(passed()).as("records passed on: all, and again those the failed attempt passed on since the "
                    + "barrier").isGreaterThanOrEqualTo(records + replayed);
        }
    }

    private static JobClient submit(long records, ProbeChannel channel, long minRecordsPastBarrier) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(200);
        env.fromSequence(0, records - 1).name("sequence")
                .map(new Throttle()).name("throttle")
                .map(new ChaosTap<Long>(channel, minRecordsPastBarrier,
                        value -> System.currentTimeMillis() * 1_000 - 5_000,
                        value -> System.currentTimeMillis() * 1_000 - 7_000, new SparsePoison()))
                .name("chaos tap")
                .returns(Long.class)
                .map(new CountPassed()).name("counter")
                .sinkTo(new DiscardingSink<>());
        return env.executeAsync("probe channel test");
    }

    private static void awaitPassed(long atLeast, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (passed() < atLeast) {
            assertThat(System.nanoTime()).as("waiting for " + atLeast + " records").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static long passed() {
        long sum = 0;
        for (int i = 0; i < PARALLELISM; i++) {
            sum += PASSED.get(i);
        }
        return sum;
    }

    private static Map<Integer, Long> passedPerSubtask() {
        Map<Integer, Long> counts = new TreeMap<>();
        for (int i = 0; i < PARALLELISM; i++) {
            counts.put(i, PASSED.get(i));
        }
        return counts;
    }

    /** One record in 16 of each attempt is sampled (no failure here: one attempt per subtask). */
    private static long expectedSamples() {
        long samples = 0;
        for (int i = 0; i < PARALLELISM; i++) {
            samples += PASSED.get(i) / (ChaosTap.LATENCY_SAMPLE_MASK + 1);
        }
        return samples;
    }

    private static long poisonIn(long records, int partition) {
        long count = 0;
        for (long value = POISON_AT; value < records; value += POISON_EVERY) {
            if (value % POISON_PARTITIONS == partition) {
                count++;
            }
        }
        return count;
    }

    /** Sleeps 1 ms every {@value #RECORDS_PER_MILLISECOND} records, so that the job lasts a few seconds. */
    static final class Throttle extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private transient long seen;

        @Override
        public Long map(Long value) throws InterruptedException {
            if (++seen % RECORDS_PER_MILLISECOND == 0) {
                Thread.sleep(1);
            }
            return value;
        }
    }

    /** Counts what the tap passed on, per subtask. */
    static final class CountPassed extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            PASSED.incrementAndGet(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
            return value;
        }
    }

    /** Every 1,000th value (from 7) is "poison", of partition value % 3, at offset value. */
    static final class SparsePoison implements ChaosTap.PoisonOffset<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public int partition(Long value) {
            return (int) (value % POISON_PARTITIONS);
        }

        @Override
        public long offset(Long value) {
            return value % POISON_EVERY == POISON_AT ? value : -1;
        }
    }
}
