package io.streamstress.redis.sink;

import io.streamstress.redis.sink.internal.AtLeastOnceRedisWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The negative control for duplicates: increments Redis as records arrive, without a committer. Under faults it counts
 * replayed records twice; a run with it must be reported as FAILED with its duplicates. Create it with
 * {@link RedisCounterSink#builder()} and {@link CounterDelivery#AT_LEAST_ONCE}.
 */
public final class AtLeastOnceRedisSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final RedisSinkSettings settings;
    private final RecordPosition<T> position;

    AtLeastOnceRedisSink(RedisSinkSettings settings, RecordPosition<T> position) {
        this.settings = settings;
        this.position = position;
    }

    public RedisSinkSettings settings() {
        return settings;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new AtLeastOnceRedisWriter<>(context.getTaskInfo().getIndexOfThisSubtask(), position,
                settings.redisUri(), settings.keys(), settings.commandTimeout(), settings.batchSize());
    }
}
