package io.streamstress.redis.sink;

import java.time.Duration;
import java.util.Objects;
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
    private CounterDelivery delivery = CounterDelivery.EXACTLY_ONCE;
    /** A Flink guarantee with no sink behind it, kept so that {@link #build()} can name it. */
    private DeliveryGuarantee refusedGuarantee;
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

    /**
     * In Flink's terms: {@code EXACTLY_ONCE} (default) or {@code AT_LEAST_ONCE} (the duplicates control).
     * {@code NONE} is refused by {@link #build()}; the loss control is {@link #setDelivery} with
     * {@link CounterDelivery#AT_MOST_ONCE}.
     */
    public RedisCounterSinkBuilder<T> setDeliveryGuarantee(DeliveryGuarantee guarantee) {
        Objects.requireNonNull(guarantee, "guarantee");
        switch (guarantee) {
            case EXACTLY_ONCE:
                return setDelivery(CounterDelivery.EXACTLY_ONCE);
            case AT_LEAST_ONCE:
                return setDelivery(CounterDelivery.AT_LEAST_ONCE);
            default:
                this.refusedGuarantee = guarantee;
                return this;
        }
    }

    /** Which sink to build: {@link CounterDelivery#EXACTLY_ONCE} (default) or one of the negative controls. */
    public RedisCounterSinkBuilder<T> setDelivery(CounterDelivery delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.refusedGuarantee = null;
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
        if (refusedGuarantee != null) {
            throw new IllegalArgumentException("delivery guarantee " + refusedGuarantee.name() + " is not offered: use "
                    + "EXACTLY_ONCE or AT_LEAST_ONCE, or setDelivery(CounterDelivery.AT_MOST_ONCE) for a sink that "
                    + "loses but never duplicates");
        }
        RedisSinkSettings settings =
                new RedisSinkSettings(redisUri, new CounterKeys(keyPrefix), commandTimeout, commitAttempts, batchSize);
        return switch (delivery) {
            case EXACTLY_ONCE -> new RedisCounterSink<>(settings, position);
            case AT_LEAST_ONCE -> new AtLeastOnceRedisSink<>(settings, position);
            case AT_MOST_ONCE -> new AtMostOnceRedisSink<>(settings, position);
        };
    }
}
