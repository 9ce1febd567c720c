package io.streamstress.runner.config;

import io.streamstress.chaos.plan.FaultPlan;
import java.time.Duration;
import java.util.Objects;

/**
 * What the faults of a run are and how they behave.
 *
 * @param plan the faults, in the order they are injected
 * @param stall how long a stall or a freeze lasts ({@code redis-stall}, {@code taskmanager-freeze})
 * @param rescaleTo the parallelism a {@code rescale} goes to; {@link #HALF} for half the start's (at least 1)
 * @param latency the mean latency {@code kafka-latency} adds to the broker's replies; its jitter is
 *     {@link #JITTER_SHARE} of it either way
 */
public record ChaosSettings(FaultPlan plan, Duration stall, int rescaleTo, Duration latency) {

    public static final Duration DEFAULT_STALL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_LATENCY = Duration.ofMillis(200);
    /** The jitter of {@code kafka-latency}, as a share of its mean. */
    public static final double JITTER_SHARE = 0.25;

    /** {@code rescaleTo} meaning half the parallelism the job starts with. */
    public static final int HALF = 0;

    public ChaosSettings {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(stall, "stall");
        if (stall.isNegative() || stall.isZero()) {
            throw new IllegalArgumentException("--stall must be positive");
        }
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative() || latency.isZero() || latency.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("--latency must be positive and at most 1m, was " + latency.toMillis() + "ms");
        }
        if (rescaleTo < 0) {
            throw new IllegalArgumentException("--rescale-to must be a positive parallelism, was " + rescaleTo);
        }
    }

    /** No faults. */
    public static ChaosSettings none() {
        return new ChaosSettings(FaultPlan.none(), DEFAULT_STALL, HALF, DEFAULT_LATENCY);
    }

    /** These settings with another plan. */
    public ChaosSettings withPlan(FaultPlan other) {
        return new ChaosSettings(other, stall, rescaleTo, latency);
    }

    /** The jitter of {@code kafka-latency}: {@link #JITTER_SHARE} of its mean. */
    public Duration jitter() {
        return Duration.ofNanos((long) (latency.toNanos() * JITTER_SHARE));
    }

    /** The parallelism a rescale of a job that started at {@code start} goes to. */
    public int rescaleTarget(int start) {
        return rescaleTo == HALF ? Math.max(1, start / 2) : rescaleTo;
    }
}
