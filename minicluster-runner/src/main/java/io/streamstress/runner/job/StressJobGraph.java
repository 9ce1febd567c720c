package io.streamstress.runner.job;

import io.streamstress.kafka.record.StressRecord;
import io.streamstress.kafka.source.StressSourceFactory;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.sink.RedisCounterSink;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Turns a {@link JobSpec} into the stress job: defined on an environment ({@code flink run}, where the
 * environment submits it) or as a {@link StreamGraph} for a cluster the harness submits to itself. Both go
 * through {@link StressJob#defineWorkflow}, with the same Kafka source and Redis sink.
 */
public final class StressJobGraph {

    /** Every run's Redis keys live under {@code streamstress:{<run id>}}. */
    public static final String KEY_PREFIX = "streamstress:";

    private StressJobGraph() {}

    /**
     * The Redis keys of run {@code runId}: where its job counts, its probes report and its verification reads, all
     * under {@code streamstress:{<run id>}}. The braces are Redis Cluster's hash tag: every key of the run hashes to
     * one slot, as the commit script needs (it touches several keys at once, which a cluster allows within one slot
     * only).
     */
    public static CounterKeys keysOf(String runId) {
        return new CounterKeys(KEY_PREFIX + "{" + runId + "}");
    }

    /** The job's configuration: {@link StressJob#defaults()}, then the spec's own. */
    public static Configuration configuration(JobSpec spec) {
        Configuration config = StressJob.defaults();
        config.addAll(Configuration.fromMap(spec.flinkConfig()));
        return config;
    }

    /** Adds the job to {@code env} and sets its parallelism (the environment's configuration is the caller's). */
    public static void defineOn(StreamExecutionEnvironment env, JobSpec spec) {
        env.setParallelism(spec.parallelism());
        StressJob.defineWorkflow(env,
                StressSourceFactory.create(spec.bootstrapServers(), spec.topic(), spec.groupId(), spec.stoppingOffsets(),
                        spec.kafkaClient()),
                sink(spec), spec.probe());
    }

    /** The job as a graph ready for submission, named {@link JobSpec#jobName()}. */
    public static StreamGraph streamGraph(JobSpec spec) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(spec));
        defineOn(env, spec);
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(spec.jobName());
        return graph;
    }

    private static Sink<StressRecord> sink(JobSpec spec) {
        return RedisCounterSink.<StressRecord>builder()
                .setRedisUri(spec.redisUri())
                .setKeyPrefix(spec.keys().prefix())
                .setRecordPosition(new StressRecordPosition())
                .setDelivery(spec.delivery())
                .build();
    }
}
