package io.streamstress.redis.sink;

import io.streamstress.redis.sink.internal.RedisCounterWriter;
import io.streamstress.redis.sink.internal.RedisWriterState;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Counts records into Redis exactly once. Writers count per checkpoint in memory; the committer applies
 * each writer's counts for a checkpoint with one idempotent script once that checkpoint completed. Create
 * it with {@link #builder()}.
 */
public final class RedisCounterSink<T> extends CommittedCountsSink<T> {

    private static final long serialVersionUID = 1L;

    RedisCounterSink(RedisSinkSettings settings, RecordPosition<T> position) {
        super(settings, position);
    }

    public static <T> RedisCounterSinkBuilder<T> builder() {
        return new RedisCounterSinkBuilder<>();
    }

    @Override
    public RedisCounterWriter<T> restoreWriter(WriterInitContext context, Collection<RedisWriterState> recovered) {
        return new RedisCounterWriter<>(
                context.getTaskInfo().getIndexOfThisSubtask(), position, context.getRestoredCheckpointId(), recovered);
    }
}
