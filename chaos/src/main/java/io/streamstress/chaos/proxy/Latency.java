package io.streamstress.chaos.proxy;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long each chunk of the upstream's replies is held before it goes on to the client: {@code mean} plus a
 * uniform draw from {@code [-jitter, +jitter]}.
 *
 * @param mean the average delay, zero for none
 * @param jitter how far a delay may stray from the mean, at most the mean
 */
public record Latency(Duration mean, Duration jitter) {

    /** The longest mean accepted: a longer delay is a hang, which {@link FaultProxy#blackhole()} models. */
    public static final Duration MAX_MEAN = Duration.ofMinutes(10);

    /** No delay. */
    public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

    public Latency {
        Objects.requireNonNull(mean, "mean: pass Duration.ZERO for no delay");
        Objects.requireNonNull(jitter, "jitter: pass Duration.ZERO for a fixed delay");
        if (mean.isNegative() || mean.compareTo(MAX_MEAN) > 0) {
            throw new IllegalArgumentException("latency mean " + mean + " is outside [0, " + MAX_MEAN
                    + "]: pass a delay in that range, or use blackhole() for a hang");
        }
        if (jitter.isNegative() || jitter.compareTo(mean) > 0) {
            throw new IllegalArgumentException("latency jitter " + jitter + " is outside [0, mean " + mean
                    + "]: a delay cannot be negative, pass a jitter of at most the mean");
        }
    }

    /** Whether chunks go on without delay. */
    public boolean isNone() {
        return mean.isZero();
    }

    /** One delay, in nanoseconds. */
    long drawNanos() {
        long meanNanos = mean.toNanos();
        long jitterNanos = jitter.toNanos();
        if (jitterNanos == 0) {
            return meanNanos;
        }
        return meanNanos + ThreadLocalRandom.current().nextLong(-jitterNanos, jitterNanos + 1);
    }

    @Override
    public String toString() {
        return mean.toMillis() + " ms ± " + jitter.toMillis() + " ms";
    }
}
