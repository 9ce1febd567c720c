package io.streamstress.runner.job;

import io.streamstress.chaos.inject.ChaosTap;
import io.streamstress.chaos.probe.ProbeChannel;
import io.streamstress.chaos.probe.jvm.JvmProbeChannel;
import io.streamstress.kafka.record.StressRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The stress job's topology, defined once so that the same code runs on the embedded MiniCluster, in a
 * test's cluster, or on a remote Flink cluster: {@code source → chaos tap → sink}, all chained, no shuffle.
 * Every subtask chain is then its own pipelined region, so a failed task restarts only its region. The tap
 * counts records, notes restarted attempts and throws when the harness arms it ({@link ChaosTap}), through the
 * probe channel it is given.
 */
public final class StressJob {

    /** Stable operator ids, so that a job can be resumed from a retained checkpoint. */
    public static final String SOURCE_UID = "kafka-source";
    public static final String CHAOS_UID = "chaos-tap";
    public static final String SINK_UID = "redis-counter-sink";

    /**
     * Records a subtask processes past its last checkpoint barrier before an injected failure fires: more
     * than one batch of the negative controls (1,000), so the at-least-once sink always has something sent to
     * Redis that the restore replays (duplicates), and the at-most-once sink always has a "handled" mark past
     * the checkpoint that the restore skips to (loss). A subtask must see this many records between two barriers.
     */
    public static final long RECORDS_BEFORE_INJECTED_FAILURE = 1_500;

    private StressJob() {}

    /**
     * The job configuration this topology is meant to run with, before the user's own {@code -D} settings:
     * object reuse, because no operator of the chain keeps a reference to a record it has passed on (the tap
     * hands on the same record, the sink keeps only its partition and sequence number). Without it, Flink
     * copies every record between chained operators through its (reflective) record serializer: twice per
     * record, about a fifth of the task threads' time in a profile of a 5 M run.
     */
    public static Configuration defaults() {
        Configuration config = new Configuration();
        config.set(PipelineOptions.OBJECT_REUSE, true);
        return config;
    }

    /**
     * Adds the topology to {@code env}, its tap reporting through the in-JVM probe channel (for tasks that run in
     * this JVM).
     *
     * @param env the environment (its parallelism is the job's)
     * @param source where the records come from (the Kafka source)
     * @param sink where they are counted
     */
    public static void defineWorkflow(
            StreamExecutionEnvironment env, Source<StressRecord, ?, ?> source, Sink<StressRecord> sink) {
        defineWorkflow(env, source, sink, JvmProbeChannel.INSTANCE);
    }

    /**
     * Adds the topology to {@code env}.
     *
     * @param env the environment (its parallelism is the job's)
     * @param source where the records come from (the Kafka source)
     * @param sink where they are counted
     * @param probe the channel the tap reports through and learns of arms from
     */
    public static void defineWorkflow(StreamExecutionEnvironment env, Source<StressRecord, ?, ?> source,
            Sink<StressRecord> sink, ProbeChannel probe) {
        DataStream<StressRecord> records = env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka source")
                .uid(SOURCE_UID);
        records.map(new ChaosTap<StressRecord>(probe, RECORDS_BEFORE_INJECTED_FAILURE, StressRecord::producedAtMicros,
                        StressRecord::intendedAtMicros, new StressRecordPosition()))
                .name("chaos tap")
                .uid(CHAOS_UID)
                .returns(StressRecord.class)
                .sinkTo(sink)
                .name("Redis counter sink")
                .uid(SINK_UID);
    }
}
