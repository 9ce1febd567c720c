package io.streamstress.redis.sink.internal;

import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.sink.RecordPosition;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The negative control for loss. It counts like the exactly-once writer (it wraps one), so its counts are
 * committed once per checkpoint and never twice; in front of that it keeps {@link HandledMarks}: it reads the
 * partitions' "handled through" marks from Redis when it starts and skips the records they cover, and it
 * writes new marks every {@code batchSize} counted records and at every barrier ({@link #flush}), so the marks
 * run ahead of the last completed checkpoint. A failure then loses the records between the restored checkpoint
 * and the mark: they are marked handled, but their counts were in the failed attempt's memory.
 *
 * <p>Poison records carry no sequence number to mark; they are counted as by the exactly-once writer.
 */
public final class AtMostOnceRedisWriter<T>
        implements CommittingSinkWriter<T, RedisDelta>, StatefulSinkWriter<T, RedisWriterState> {

    private static final Logger LOG = LoggerFactory.getLogger(AtMostOnceRedisWriter.class);

    private final int subtask;
    private final RecordPosition<T> position;
    private final RedisCounterWriter<T> counts;
    private final CounterKeys keys;
    private final int batchSize;
    private final RedisConnections redis;
    private final HandledMarks marks;
    private long skipped;

    public AtMostOnceRedisWriter(int subtask, RecordPosition<T> position, OptionalLong restoredCheckpointId,
            Collection<RedisWriterState> restored, String redisUri, CounterKeys keys, Duration timeout, int batchSize) {
        this.subtask = subtask;
        this.position = position;
        this.counts = new RedisCounterWriter<>(subtask, position, restoredCheckpointId, restored);
        this.keys = keys;
        this.batchSize = batchSize;
        this.redis = RedisConnections.open(redisUri, timeout);
        try {
            this.marks = HandledMarks.fromRedis(redis.commands().hgetall(keys.handled()));
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    @Override
    public void write(T element, Context context) {
        if (!position.isPoison(element)) {
            int partition = position.partitionOf(element);
            long sequence = position.sequenceOf(element);
            if (marks.isHandled(partition, sequence)) {
                skipped++;
                return;
            }
            marks.counting(partition, sequence);
        }
        counts.write(element, context);
        if (marks.pendingRecords() >= batchSize) {
            writeMarks();
        }
    }

    /** Called before every barrier (and at the end of input): the marks catch up with what was counted. */
    @Override
    public void flush(boolean endOfInput) {
        writeMarks();
    }

    private void writeMarks() {
        if (marks.pendingRecords() == 0) {
            return;
        }
        Map<String, String> handled = marks.drain();
        redis.commands().hset(keys.handled(), handled);
    }

    @Override
    public Collection<RedisDelta> prepareCommit() {
        return counts.prepareCommit();
    }

    @Override
    public List<RedisWriterState> snapshotState(long checkpointId) {
        return counts.snapshotState(checkpointId);
    }

    @Override
    public void close() {
        if (skipped > 0) {
            LOG.info("Subtask {} skipped {} records an earlier attempt had marked handled", subtask, skipped);
        }
        redis.close();
    }
}
