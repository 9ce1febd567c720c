package io.streamstress.redis.sink.internal;

/**
 * What one run of the {@link CommitScript} did.
 *
 * @param counted records it counted
 * @param skipped records it found counted already (a replay: a re-commit after a restore, or records the job
 *     read again after restoring an older state) and left alone
 */
public record CommitOutcome(long counted, long skipped) {}
