package io.streamstress.redis.sink.internal;

import io.streamstress.redis.sink.RecordPosition;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;

/**
 * The exactly-once writer: it only counts, in memory, per partition. Nothing goes to Redis from here;
 * {@link #prepareCommit()} hands the counts of this epoch to the committer, which applies them once the
 * checkpoint that holds them has completed.
 */
public final class RedisCounterWriter<T>
        implements CommittingSinkWriter<T, RedisDelta>, StatefulSinkWriter<T, RedisWriterState> {

    private final int subtask;
    private final Tallies<T> tallies;
    private final EpochClock epochs;

    public RedisCounterWriter(
            int subtask, RecordPosition<T> position, OptionalLong restoredCheckpointId, Collection<RedisWriterState> restored) {
        this.subtask = subtask;
        this.tallies = new Tallies<>(position);
        long restoredBase = restored.stream().mapToLong(RedisWriterState::nextBase).max().orElse(0);
        this.epochs = new EpochClock(restoredCheckpointId, restoredBase);
    }

    @Override
    public void write(T element, Context context) {
        tallies.add(element);
    }

    @Override
    public void flush(boolean endOfInput) {
        // Counts are handed over in prepareCommit(); there is nothing buffered towards Redis.
    }

    @Override
    public Collection<RedisDelta> prepareCommit() {
        if (tallies.isEmpty()) {
            return List.of();
        }
        return List.of(new RedisDelta(subtask, epochs.next(), tallies.drain()));
    }

    @Override
    public List<RedisWriterState> snapshotState(long checkpointId) {
        epochs.snapshotTaken(checkpointId);
        return List.of(new RedisWriterState(epochs.nextBase()));
    }

    @Override
    public void close() {
        // Uncommitted counts belong to records the source will replay after a restore.
    }
}
