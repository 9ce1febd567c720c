package io.streamstress.redis.sink.internal;

/**
 * What a writer keeps in a checkpoint: the epoch base it must not go below after a restore.
 *
 * @param nextBase the checkpoint id after the one this state belongs to
 */
public record RedisWriterState(long nextBase) {}
