package io.streamstress.chaos.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults of a run, in order, with their targets drawn from a seed: the same spec, seed and parallelism
 * always give the same plan.
 *
 * @param faults the planned faults
 * @param seed the seed the targets were drawn from
 */
public record FaultPlan(List<PlannedFault> faults, long seed) {

    public static final long DEFAULT_SEED = 42L;

    public FaultPlan {
        faults = List.copyOf(faults);
    }

    /** No faults. */
    public static FaultPlan none() {
        return new FaultPlan(List.of(), DEFAULT_SEED);
    }

    /**
     * Parses {@code --chaos}: a comma-separated list of fault kinds ({@code task-exception,task-exception}),
     * or empty / {@code none} for no faults.
     *
     * @throws IllegalArgumentException naming the unknown kind and the known ones
     */
    public static FaultPlan parse(String spec, long seed, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return new FaultPlan(List.of(), seed);
        }
        Random random = new Random(seed);
        List<PlannedFault> faults = new ArrayList<>();
        for (String item : spec.split(",")) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("empty fault in '" + spec + "': use kind[,kind…], e.g. task-exception");
            }
            faults.add(new PlannedFault(FaultKind.parse(item), random.nextInt(parallelism)));
        }
        return new FaultPlan(faults, seed);
    }

    public boolean isEmpty() {
        return faults.isEmpty();
    }

    /** How many faults of {@code kind} hit {@code subtask}. */
    public int countFor(FaultKind kind, int subtask) {
        return (int) faults.stream().filter(f -> f.kind() == kind && f.targetSubtask() == subtask).count();
    }

    public int count(FaultKind kind) {
        return (int) faults.stream().filter(f -> f.kind() == kind).count();
    }
}
