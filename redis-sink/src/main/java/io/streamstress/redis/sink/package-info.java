/**
 * Redis counter sinks (Sink V2): {@link io.streamstress.redis.sink.RedisCounterSink} commits exactly once
 * through an idempotent script per checkpoint; two negative controls err in one known direction each: the
 * at-least-once sink duplicates, the at-most-once sink loses ({@link io.streamstress.redis.sink.CounterDelivery}).
 */
package io.streamstress.redis.sink;
