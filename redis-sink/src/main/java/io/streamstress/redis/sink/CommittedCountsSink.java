package io.streamstress.redis.sink;

import io.streamstress.redis.sink.internal.RedisCounterCommitter;
import io.streamstress.redis.sink.internal.RedisDelta;
import io.streamstress.redis.sink.internal.RedisDeltaSerializer;
import io.streamstress.redis.sink.internal.RedisWriterState;
import io.streamstress.redis.sink.internal.RedisWriterStateSerializer;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * What the sinks whose counts reach Redis through the idempotent committer share: the committer, the
 * committable and writer-state serializers, and the settings. A sink says only how its writer starts.
 */
abstract class CommittedCountsSink<T>
        implements Sink<T>, SupportsCommitter<RedisDelta>, SupportsWriterState<T, RedisWriterState> {

    private static final long serialVersionUID = 1L;

    protected final RedisSinkSettings settings;
    protected final RecordPosition<T> position;

    CommittedCountsSink(RedisSinkSettings settings, RecordPosition<T> position) {
        this.settings = settings;
        this.position = position;
    }

    public RedisSinkSettings settings() {
        return settings;
    }

    @Override
    public StatefulSinkWriter<T, RedisWriterState> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public abstract StatefulSinkWriter<T, RedisWriterState> restoreWriter(
            WriterInitContext context, Collection<RedisWriterState> recovered);

    @Override
    public SimpleVersionedSerializer<RedisWriterState> getWriterStateSerializer() {
        return new RedisWriterStateSerializer();
    }

    @Override
    public Committer<RedisDelta> createCommitter(CommitterInitContext context) {
        return new RedisCounterCommitter(
                settings.redisUri(), settings.keys(), settings.commandTimeout(), settings.commitAttempts());
    }

    @Override
    public SimpleVersionedSerializer<RedisDelta> getCommittableSerializer() {
        return new RedisDeltaSerializer();
    }
}
