package io.streamstress.runner.bench;

import io.streamstress.checkpoints.CheckpointSettings;
import io.streamstress.checkpoints.StateBackendKind;
import io.streamstress.kafka.source.StressSourceFactory;
import io.streamstress.runner.infra.cluster.MiniClusterHost;
import io.streamstress.runner.infra.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The benchmark's Flink peer, run in its own JVM: the same MiniCluster layout, parallelism, Kafka consumer
 * settings and checkpoint interval as a stress run, reading the topic from earliest to its end offsets as
 * raw bytes into a discarding sink (a counter on the way proves every record arrived). What streamstress
 * adds on top of this is its record decoding, the chaos tap and the exactly-once Redis sink.
 *
 * <p>{@code BareFlinkJob BOOTSTRAP TOPIC MESSAGES TASK_MANAGERS SLOTS CHECKPOINT_MS} prints
 * {@code BARE records=N jobMs=T}: T from the job's submission until it finished. It leaves nothing in the
 * temp directory.
 */
public final class BareFlinkJob {

    /** Records that reached the sink, counted in this JVM (the MiniCluster runs here). */
    static final LongAdder RECORDS = new LongAdder();
    /** How the job's temp directory (under {@code java.io.tmpdir}) is named. */
    static final String TMP_PREFIX = "streamstress-bare-flink";

    private BareFlinkJob() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: BareFlinkJob BOOTSTRAP TOPIC MESSAGES TASK_MANAGERS SLOTS CHECKPOINT_MS");
            System.exit(2);
        }
        String bootstrap = args[0];
        String topic = args[1];
        long messages = Long.parseLong(args[2]);
        int taskManagers = Integer.parseInt(args[3]);
        int slots = Integer.parseInt(args[4]);
        Duration checkpointInterval = Duration.ofMillis(Long.parseLong(args[5]));
        // The cluster's temp files and checkpoints go into a directory of their own, removed when the job is
        // done (left behind, it was ~20 MB per bench round); then exit, as Flink leaves non-daemon threads.
        Path tmp = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), TMP_PREFIX);
        int code;
        try {
            code = run(bootstrap, topic, messages, taskManagers, slots, checkpointInterval, tmp);
        } catch (Exception e) {
            System.err.println("bare Flink job failed: " + e);
            code = 1;
        }
        try {
            RunDirectory.existing(tmp, "bare-flink").delete();
        } catch (IOException e) {
            System.err.println("bare Flink job: could not delete its temp directory " + tmp + ": " + e.getMessage());
        }
        System.exit(code);
    }

    /** Runs the job on a MiniCluster with its files in {@code tmp}; returns the exit code and prints the figures. */
    private static int run(String bootstrap, String topic, long messages, int taskManagers, int slots,
            Duration checkpointInterval, Path tmp) throws Exception {
        try (MiniClusterHost flink = MiniClusterHost.start(taskManagers, slots, false, tmp, new Configuration())) {
            StreamGraph job = define(bootstrap, topic, taskManagers * slots, checkpointInterval, tmp.resolve("checkpoints"));
            long start = System.nanoTime();
            var id = flink.submit(job);
            JobResult result = null;
            while (result == null) {
                result = flink.awaitResult(id, Duration.ofMinutes(30));
            }
            long jobMs = (System.nanoTime() - start) / 1_000_000;
            if (!result.isSuccess()) {
                System.err.println("bare Flink job failed: " + result.getSerializedThrowable()
                        .map(t -> t.getOriginalErrorClassName() + ": " + t.getMessage()).orElse("unknown"));
                return 1;
            }
            System.out.printf(Locale.ROOT, "BARE records=%d jobMs=%d%n", RECORDS.sum(), jobMs);
            return RECORDS.sum() == messages ? 0 : 3;
        }
    }

    static StreamGraph define(String bootstrap, String topic, int parallelism, Duration checkpointInterval, Path checkpoints) {
        Configuration jobConfig = new Configuration();
        new CheckpointSettings(checkpointInterval, CheckpointingMode.EXACTLY_ONCE, StateBackendKind.HASHMAP, false,
                checkpoints, CheckpointSettings.DEFAULT_RETAINED).applyTo(jobConfig);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfig);
        env.setParallelism(parallelism);
        KafkaSource<byte[]> source = KafkaSource.<byte[]>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId("bench-bare-flink")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class))
                .setProperties(StressSourceFactory.consumerProperties())
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka source")
                .map(new Count()).name("count")
                .sinkTo(new DiscardingSink<>()).name("discard");
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName("bare Flink job: KafkaSource → discarding sink");
        return graph;
    }

    private static final class Count implements MapFunction<byte[], byte[]> {
        @Override
        public byte[] map(byte[] value) {
            RECORDS.increment();
            return value;
        }
    }
}
