package io.streamstress.redis.sink;

import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Builds a Redis counter sink. {@link #build()} validates everything and says what is missing.
 *
 * <pre>{@code
 * Sink<StressRecord> sink = RedisCounterSink.<StressRecord>builder()
 *         .setRedisUri("redis://:secret@127.0.0.1:6379")
 *         .setKeyPrefix("streamstress:run-1")
 *         .setRecordPosition(position)
 *         .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *         .build();
 * }</pre>
 */
public final class RedisCounterSinkBuilder<T> {

    private String redisUri;
    private String keyPrefix;
    private RecordPosition<T> position;
    private DeliveryGuarantee guarantee = DeliveryGuarantee.EXACTLY_ONCE;
    private Duration commandTimeout = RedisSinkSettings.DEFAULT_COMMAND_TIMEOUT;
    private int commitAttempts = RedisSinkSettings.DEFAULT_COMMIT_ATTEMPTS;
    private int batchSize = RedisSinkSettings.DEFAULT_BATCH_SIZE;

    RedisCounterSinkBuilder() {}

    public RedisCounterSinkBuilder<T> setRedisUri(String redisUri) {
        this.redisUri = redisUri;
        return this;
    }

    public RedisCounterSinkBuilder<T> setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
        return this;
    }

    public RedisCounterSinkBuilder<T> setRecordPosition(RecordPosition<T> position) {
        this.position = position;
        return this;
    }

    /** {@code EXACTLY_ONCE} (default) or {@code AT_LEAST_ONCE} (the negative control). */
    public RedisCounterSinkBuilder<T> setDeliveryGuarantee(DeliveryGuarantee guarantee) {
        this.guarantee = guarantee;
        return this;
    }

    public RedisCounterSinkBuilder<T> setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
        return this;
    }

    public RedisCounterSinkBuilder<T> setCommitAttempts(int commitAttempts) {
        this.commitAttempts = commitAttempts;
        return this;
    }

    public RedisCounterSinkBuilder<T> setBatchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is missing or wrong
     */
    public Sink<T> build() {
        if (redisUri == null) {
            throw new IllegalArgumentException("no Redis URI: call setRedisUri(\"redis://host:port\")");
        }
        if (keyPrefix == null) {
            throw new IllegalArgumentException("no key prefix: call setKeyPrefix(...) so runs do not share counters");
        }
        if (position == null) {
            throw new IllegalArgumentException("no record position: call setRecordPosition(...) so the sink knows "
                    + "each record's partition and sequence");
        }
        RedisSinkSettings settings =
                new RedisSinkSettings(redisUri, new CounterKeys(keyPrefix), commandTimeout, commitAttempts, batchSize);
        switch (guarantee) {
            case EXACTLY_ONCE:
                return new RedisCounterSink<>(settings, position);
            case AT_LEAST_ONCE:
                return new AtLeastOnceRedisSink<>(settings, position);
            default:
                throw new IllegalArgumentException("delivery guarantee " + guarantee
                        + " is not offered: use EXACTLY_ONCE or AT_LEAST_ONCE");
        }
    }
}
