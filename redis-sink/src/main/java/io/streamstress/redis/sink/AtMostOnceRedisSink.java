package io.streamstress.redis.sink;

import io.streamstress.redis.sink.internal.AtMostOnceRedisWriter;
import io.streamstress.redis.sink.internal.RedisWriterState;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The negative control for loss: "marked done before the work is safe", like a consumer that commits its
 * offsets before it processes the records. Counts go through the exactly-once path (in memory, committed once
 * per checkpoint by the idempotent committer), so nothing is ever counted twice; but the writer also marks in
 * Redis, every {@code batchSize} records and at every barrier, the sequence number each partition is handled
 * through, and a writer that starts skips every record at or below its partition's mark. After a failure the
 * source replays from the restored checkpoint, and the records between that checkpoint and the mark were
 * marked handled while their counts died with the failed attempt: a gap in the committed ranges that the
 * verifier must report as lost. Create it with {@link RedisCounterSink#builder()} and
 * {@link CounterDelivery#AT_MOST_ONCE}.
 */
public final class AtMostOnceRedisSink<T> extends CommittedCountsSink<T> {

    private static final long serialVersionUID = 1L;

    AtMostOnceRedisSink(RedisSinkSettings settings, RecordPosition<T> position) {
        super(settings, position);
    }

    @Override
    public AtMostOnceRedisWriter<T> restoreWriter(WriterInitContext context, Collection<RedisWriterState> recovered) {
        return new AtMostOnceRedisWriter<>(context.getTaskInfo().getIndexOfThisSubtask(), position,
                context.getRestoredCheckpointId(), recovered, settings.redisUri(), settings.keys(),
                settings.commandTimeout(), settings.batchSize());
    }
}
