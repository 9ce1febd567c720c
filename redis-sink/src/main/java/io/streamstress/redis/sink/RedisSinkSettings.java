package io.streamstress.redis.sink;

import io.streamstress.redis.client.RedisUris;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What both Redis sinks need to know. Built and validated by {@link RedisCounterSinkBuilder}.
 *
 * @param redisUri {@code redis://[:password@]host:port}
 * @param keys where the counters live
 * @param commandTimeout how long one Redis command may take
 * @param commitAttempts attempts of one commit (with exponential backoff) before the job is failed
 * @param batchSize records per Redis write of the negative controls: the at-least-once sink's increments, the
 *     at-most-once sink's "handled" marks
 */
public record RedisSinkSettings(
        String redisUri, CounterKeys keys, Duration commandTimeout, int commitAttempts, int batchSize)
        implements Serializable {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);
    /** With backoff from 50 ms doubling to 2 s, 40 attempts keep trying for about 70 s. */
    public static final int DEFAULT_COMMIT_ATTEMPTS = 40;
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    public RedisSinkSettings {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        RedisUris.parse(redisUri);
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("command timeout must be positive, was " + commandTimeout);
        }
        if (commitAttempts < 1) {
            throw new IllegalArgumentException("commit attempts must be at least 1, was " + commitAttempts);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
    }
}
