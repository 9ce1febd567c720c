package io.streamstress.chaos.plan;

import java.util.Objects;

/**
 * One fault of a plan.
 *
 * @param kind what happens
 * @param trigger when it is due
 * @param target which subtask or TaskManager it hits (for kinds that hit one), drawn from the seed
 */
public record PlannedFault(FaultKind kind, FaultTrigger trigger, int target) {

    public PlannedFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(trigger, "trigger");
        if (target < 0) {
            throw new IllegalArgumentException("target must be >= 0, was " + target);
        }
    }

    @Override
    public String toString() {
        return kind + (trigger instanceof FaultTrigger.Asap ? "" : "@" + trigger);
    }
}
