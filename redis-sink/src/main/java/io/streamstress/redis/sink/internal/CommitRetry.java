package io.streamstress.redis.sink.internal;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import java.time.Duration;

/**
 * Backoff around the idempotent commit script only: connection loss, time-outs and a Redis that is still
 * loading its AOF are retried; a script or auth error is not (retrying cannot fix it).
 */
final class CommitRetry {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private CommitRetry() {}

    static Retry create(String name, int maxAttempts) {
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(FIRST_BACKOFF, 2.0, MAX_BACKOFF))
                .retryOnException(CommitRetry::isTransient)
                .failAfterMaxAttempts(true)
                .build();
        return Retry.of(name, config);
    }

    static boolean isTransient(Throwable e) {
        if (e instanceof RedisLoadingException || e instanceof RedisBusyException) {
            return true;
        }
        return e instanceof RedisException && !(e instanceof RedisCommandExecutionException);
    }
}
