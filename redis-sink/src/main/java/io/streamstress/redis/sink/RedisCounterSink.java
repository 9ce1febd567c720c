package io.streamstress.redis.sink;

import io.streamstress.redis.sink.internal.RedisCounterCommitter;
import io.streamstress.redis.sink.internal.RedisCounterWriter;
import io.streamstress.redis.sink.internal.RedisDelta;
import io.streamstress.redis.sink.internal.RedisDeltaSerializer;
import io.streamstress.redis.sink.internal.RedisWriterState;
import io.streamstress.redis.sink.internal.RedisWriterStateSerializer;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Counts records into Redis exactly once. Writers count per checkpoint in memory; the committer applies
 * each writer's counts for a checkpoint with one idempotent script once that checkpoint completed. Create
 * it with {@link #builder()}.
 */
public final class RedisCounterSink<T>
        implements Sink<T>, SupportsCommitter<RedisDelta>, SupportsWriterState<T, RedisWriterState> {

    private static final long serialVersionUID = 1L;

    private final RedisSinkSettings settings;
    private final RecordPosition<T> position;

    RedisCounterSink(RedisSinkSettings settings, RecordPosition<T> position) {
        this.settings = settings;
        this.position = position;
    }

    public static <T> RedisCounterSinkBuilder<T> builder() {
        return new RedisCounterSinkBuilder<>();
    }

    public RedisSinkSettings settings() {
        return settings;
    }

    @Override
    public RedisCounterWriter<T> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public RedisCounterWriter<T> restoreWriter(WriterInitContext context, Collection<RedisWriterState> recovered) {
        return new RedisCounterWriter<>(
                context.getTaskInfo().getIndexOfThisSubtask(), position, context.getRestoredCheckpointId(), recovered);
    }

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
