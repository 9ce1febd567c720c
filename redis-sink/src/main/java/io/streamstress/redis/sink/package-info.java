/**
 * Redis counter sinks (Sink V2): {@link io.streamstress.redis.sink.RedisCounterSink} commits exactly once
 * through an idempotent script per checkpoint; the at-least-once variant is the negative control.
 */
package io.streamstress.redis.sink;
