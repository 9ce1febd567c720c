package io.streamstress.runner.job;

import io.streamstress.chaos.probe.jvm.JvmProbeChannel;
import io.streamstress.kafka.producer.PartitionPlan;
import io.streamstress.kafka.topic.KafkaUnavailableException;
import io.streamstress.kafka.topic.TopicAdmin;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.TopicPartition;

/**
 * The stress job as a Flink program, for a user's own cluster:
 * {@code flink run -c io.streamstress.runner.job.StressJobMain stress-job.jar --bootstrap-servers … --topic …
 * --redis-uri … --run-id …}. It reads the topic's size, defines the same topology as every stress run
 * ({@link StressJobGraph}) on the environment {@code flink run} provides, and runs it until the bounded source
 * has read everything; {@code stress.jar verify} with the same arguments then checks the count.
 */
public final class StressJobMain {

    /** The job's name on the cluster is this and the run id. */
    public static final String JOB_NAME_PREFIX = "streamstress ";

    private StressJobMain() {}

    public static void main(String[] args) throws Exception {
        JobArguments arguments = JobArguments.parse(args);
        JobSpec spec = specFor(arguments);
        System.out.printf(Locale.ROOT, "streamstress job %s: %s of %s (%d partitions) into Redis keys %s:*, %s%n",
                arguments.runId(), describeBound(spec), arguments.topic(), spec.stoppingOffsets().size(),
                spec.keys().prefix(), arguments.delivery());
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(StressJobGraph.configuration(spec));
        StressJobGraph.defineOn(env, spec);
        env.execute(spec.jobName());
    }

    /**
     * The job these arguments describe; reads the topic's partitions (and, without {@code --messages}, its end
     * offsets) from Kafka.
     */
    public static JobSpec specFor(JobArguments arguments) throws KafkaUnavailableException, InterruptedException {
        Map<TopicPartition, Long> stoppingOffsets;
        int partitions;
        try (TopicAdmin admin = new TopicAdmin(arguments.bootstrapServers(), arguments.connectTimeout(),
                arguments.kafkaClient())) {
            partitions = admin.partitions(arguments.topic());
            stoppingOffsets = arguments.messages().isPresent()
                    ? new PartitionPlan(arguments.messages().get(), partitions).stoppingOffsets(arguments.topic())
                    : endOffsets(admin, arguments.topic(), partitions);
        }
        return new JobSpec(JOB_NAME_PREFIX + arguments.runId(), arguments.parallelism().orElse(partitions),
                arguments.bootstrapServers(), arguments.topic(), arguments.groupId(), stoppingOffsets,
                arguments.redisUri(), StressJobGraph.keysOf(arguments.runId()), arguments.delivery().sinkDelivery(),
                // Under flink run no harness reads the probe: the tap counts into its own JVM's statics.
                checkpointing(arguments), JvmProbeChannel.INSTANCE, arguments.kafkaClient());
    }

    private static Map<TopicPartition, Long> endOffsets(TopicAdmin admin, String topic, int partitions)
            throws KafkaUnavailableException, InterruptedException {
        long[] ends = admin.endOffsets(topic, partitions);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        long total = 0;
        for (int p = 0; p < partitions; p++) {
            offsets.put(new TopicPartition(topic, p), ends[p]);
            total += ends[p];
        }
        if (total == 0) {
            throw new IllegalArgumentException("topic " + topic + " is empty: produce into it first "
                    + "(stress.jar produce-messages), or give --messages N to read N messages as they arrive");
        }
        return offsets;
    }

    /**
     * Exactly-once checkpoints at the given interval, none refused for earlier failures, retained on
     * cancellation in {@code --checkpoint-dir} if given (else wherever the cluster keeps them).
     */
    static Map<String, String> checkpointing(JobArguments arguments) {
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, arguments.checkpointInterval());
        config.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        config.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ZERO);
        config.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, Integer.MAX_VALUE);
        arguments.checkpointDir().ifPresent(dir -> {
            config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir);
            config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        });
        return config.toMap();
    }

    private static String describeBound(JobSpec spec) {
        long total = spec.stoppingOffsets().values().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "counting %,d records", total);
    }
}
