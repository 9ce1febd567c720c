package io.streamstress.chaos.probe.redis;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One figure the reader fetches from Redis: kept for a short time (the harness asks some figures every 50 ms
 * from several threads), and after a failed fetch not fetched again for a while, so that a stalled Redis costs a
 * caller at most one bounded wait per back-off period; meanwhile callers get the last value fetched.
 */
final class TimedCache<T> {

    private static final Logger LOG = LoggerFactory.getLogger(TimedCache.class);

    /** A fetch from Redis (bounded in time by the caller). */
    @FunctionalInterface
    interface Fetch<T> {
        T fetch() throws Exception;
    }

    private final String name;
    private final long keepNanos;
    private final long backOffNanos;
    private final LongSupplier nanoClock;
    private final T empty;
    private T value;
    private boolean fetched;
    private long fetchedAtNanos;
    private boolean failing;
    private long quietUntilNanos;

    TimedCache(String name, Duration keep, Duration backOff, LongSupplier nanoClock, T empty) {
        this.name = name;
        this.keepNanos = keep.toNanos();
        this.backOffNanos = backOff.toNanos();
        this.nanoClock = nanoClock;
        this.empty = empty;
        this.value = empty;
    }

    /** The value, fetched again when the kept one is older than the keep time. */
    synchronized T get(Fetch<T> fetch) {
        long now = nanoClock.getAsLong();
        if (fetched && now - fetchedAtNanos < keepNanos) {
            return value;
        }
        return load(fetch, now);
    }

    /** The value fetched now (unless backing off after a failure). */
    synchronized T fresh(Fetch<T> fetch) {
        return load(fetch, nanoClock.getAsLong());
    }

    synchronized void clear() {
        value = empty;
        fetched = false;
    }

    private T load(Fetch<T> fetch, long now) {
        if (failing && now - quietUntilNanos < 0) {
            return value;
        }
        try {
            value = fetch.fetch();
            fetched = true;
            fetchedAtNanos = now;
            if (failing) {
                LOG.info("Probe figures ({}) readable from Redis again", name);
            }
            failing = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!failing) {
                LOG.warn("Cannot read the probe figures ({}) from Redis, serving the last ones read: {}", name,
                        e.toString());
            }
            failing = true;
            quietUntilNanos = now + backOffNanos;
        }
        return value;
    }
}
