package io.streamstress.runner.run;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.verify.CountVerifier;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Reads how many messages are committed so far (the run's total key), for progress and {@code kind@40%}
 * faults. While Redis is unreachable (a fault) it answers the last value it read.
 */
final class CommittedCounter implements LongSupplier, AutoCloseable {

    private final String redisUri;
    private final CounterKeys keys;
    private RedisConnections redis;
    private long last;
    private long[] lastMarks;

    CommittedCounter(String redisUri, CounterKeys keys) {
        this.redisUri = redisUri;
        this.keys = keys;
    }

    @Override
    public synchronized long getAsLong() {
        try {
            last = CountVerifier.committedTotal(sync(), keys);
        } catch (RuntimeException e) {
            // Unreachable for now: keep the last value.
        }
        return last;
    }

    /**
     * The sink's high-water mark of each of {@code partitions} partitions: the next sequence number it has not
     * counted (0 before its first commit). While Redis is unreachable, the last marks read.
     */
    synchronized long[] marks(int partitions) {
        if (lastMarks == null) {
            lastMarks = new long[partitions];
        }
        try {
            Map<String, String> read = sync().hgetall(keys.next());
            long[] marks = new long[partitions];
            read.forEach((partition, mark) -> {
                int p = Integer.parseInt(partition);
                if (p >= 0 && p < partitions) {
                    marks[p] = Long.parseLong(mark);
                }
            });
            lastMarks = marks;
        } catch (RuntimeException e) {
            // Unreachable for now: keep the last marks.
        }
        return lastMarks.clone();
    }

    /** The connection's commands, opening it first when there is none (a failed open is tried again next time). */
    private RedisClusterCommands<String, String> sync() {
        if (redis == null) {
            redis = RedisConnections.open(redisUri, Duration.ofSeconds(2));
        }
        return redis.commands();
    }

    @Override
    public synchronized void close() {
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }
}
