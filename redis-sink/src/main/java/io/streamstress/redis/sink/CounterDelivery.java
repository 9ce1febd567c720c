package io.streamstress.redis.sink;

/**
 * What a Redis counter sink promises about each record's count, and so which sink
 * {@link RedisCounterSinkBuilder#build()} makes. Two of them are negative controls: sinks that are wrong on
 * purpose, in one known direction, so that a run with them shows the verifier catching that error.
 *
 * <p>Why not Flink's {@code DeliveryGuarantee}: it has no at-most-once. Its {@code NONE} means "may lose or
 * duplicate", while {@link #AT_MOST_ONCE} loses but never duplicates, and a control that could err both ways
 * would let a loss and a duplicate cancel out in the total. {@link RedisCounterSinkBuilder#setDeliveryGuarantee}
 * still takes Flink's {@code EXACTLY_ONCE} and {@code AT_LEAST_ONCE}.
 */
public enum CounterDelivery {

    /** Counts in memory, commits once per checkpoint with an idempotent script: {@link RedisCounterSink}. */
    EXACTLY_ONCE,

    /**
     * Negative control for duplicates: increments Redis as records arrive, so records replayed after a failure
     * are counted twice. {@link AtLeastOnceRedisSink}.
     */
    AT_LEAST_ONCE,

    /**
     * Negative control for loss: commits like {@link #EXACTLY_ONCE} (never twice), but marks records handled in
     * Redis as they arrive, ahead of the checkpoint, and a restored writer skips what is marked, so records
     * between the restored checkpoint and the mark are never counted. {@link AtMostOnceRedisSink}.
     */
    AT_MOST_ONCE
}
