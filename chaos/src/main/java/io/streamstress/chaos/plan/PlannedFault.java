package io.streamstress.chaos.plan;

import java.util.Objects;

/**
 * One fault of a plan.
 *
 * @param kind what happens
 * @param targetSubtask the subtask it hits, in {@code [0, parallelism)}
 */
public record PlannedFault(FaultKind kind, int targetSubtask) {

    public PlannedFault {
        Objects.requireNonNull(kind, "kind");
        if (targetSubtask < 0) {
            throw new IllegalArgumentException("target subtask must be >= 0, was " + targetSubtask);
        }
    }
}
