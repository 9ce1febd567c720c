package io.streamstress.redis.sink.internal;

import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.sink.RecordPosition;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * The negative control: increments Redis as records arrive (every {@code batchSize} records and before
 * every checkpoint), with no epoch marker. Records replayed after a failure are counted again, which the
 * verifier must report as duplicates.
 */
public final class AtLeastOnceRedisWriter<T> implements SinkWriter<T> {

    private final int subtask;
    private final int batchSize;
    private final Tallies<T> tallies;
    private final CommitScript script;
    private final RedisConnections redis;

    public AtLeastOnceRedisWriter(
            int subtask, RecordPosition<T> position, String redisUri, CounterKeys keys, Duration timeout, int batchSize) {
        this.subtask = subtask;
        this.batchSize = batchSize;
        this.tallies = new Tallies<>(position);
        this.script = new CommitScript(keys);
        this.redis = RedisConnections.open(redisUri, timeout);
    }

    @Override
    public void write(T element, Context context) {
        tallies.add(element);
        if (tallies.records() >= batchSize) {
            send();
        }
    }

    @Override
    public void flush(boolean endOfInput) {
        send();
    }

    private void send() {
        if (tallies.isEmpty()) {
            return;
        }
        List<PartitionDelta> deltas = tallies.drain();
        script.applyAlways(redis.commands(), new RedisDelta(subtask, 0, deltas));
    }

    @Override
    public void close() {
        redis.close();
    }
}
