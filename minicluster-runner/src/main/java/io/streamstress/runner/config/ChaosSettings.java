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
 */
public record ChaosSettings(FaultPlan plan, Duration stall, int rescaleTo) {

    public static final Duration DEFAULT_STALL = Duration.ofSeconds(5);

    /** {@code rescaleTo} meaning half the parallelism the job starts with. */
    public static final int HALF = 0;

    public ChaosSettings {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(stall, "stall");
        if (stall.isNegative() || stall.isZero()) {
            throw new IllegalArgumentException("--stall must be positive");
        }
        if (rescaleTo < 0) {
            throw new IllegalArgumentException("--rescale-to must be a positive parallelism, was " + rescaleTo);
        }
    }

    /** No faults. */
    public static ChaosSettings none() {
        return new ChaosSettings(FaultPlan.none(), DEFAULT_STALL, HALF);
    }

    /** These settings with another plan. */
    public ChaosSettings withPlan(FaultPlan other) {
        return new ChaosSettings(other, stall, rescaleTo);
    }

    /** The parallelism a rescale of a job that started at {@code start} goes to. */
    public int rescaleTarget(int start) {
        return rescaleTo == HALF ? Math.max(1, start / 2) : rescaleTo;
    }
}
