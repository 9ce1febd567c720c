package io.streamstress.chaos.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The faults of a run, in the order they are injected, with targets (and for {@code random:N} kinds and
 * times) drawn from a seed: the same spec, seed and parallelism always give the same plan.
 *
 * @param faults the planned faults, in injection order
 * @param seed the seed they were drawn from
 */
public record FaultPlan(List<PlannedFault> faults, long seed) {

    public static final long DEFAULT_SEED = 42L;
    /** {@code random:N} places its faults between these fractions of the messages committed. */
    static final double RANDOM_FROM = 0.10;
    static final double RANDOM_TO = 0.85;

    public FaultPlan {
        faults = List.copyOf(faults);
    }

    /** No faults. */
    public static FaultPlan none() {
        return new FaultPlan(List.of(), DEFAULT_SEED);
    }

    /**
     * Parses {@code --chaos}: a comma-separated list of {@code kind}, {@code kind@30s} (time since the first
     * record was sent), {@code kind@40%} (fraction of the messages committed) and {@code random:N} (N faults of
     * kinds from {@code randomKinds}, never process-kill, at progress points drawn from the seed); {@code none}
     * or empty for none. A container fault may name its server: {@code container-kill:redis@40%}. At most one
     * process-kill.
     *
     * @param parallelism subtasks of the job (targets are drawn in {@code [0, parallelism)})
     * @param randomKinds the kinds {@code random:N} may draw (e.g. only those the run can inject)
     * @throws IllegalArgumentException naming what is wrong and what is allowed
     */
    public static FaultPlan parse(String spec, long seed, int parallelism, Set<FaultKind> randomKinds) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return new FaultPlan(List.of(), seed);
        }
        Random random = new Random(seed);
        List<PlannedFault> faults = new ArrayList<>();
        for (String item : spec.split(",", -1)) {
            String text = item.trim();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty fault in '" + spec + "': use kind[:server][@when][,kind…] or random:N");
            }
            if (text.startsWith("random:")) {
                faults.addAll(randomFaults(text, random, parallelism, randomKinds));
                continue;
            }
            int at = text.indexOf('@');
            String what = at < 0 ? text : text.substring(0, at);
            int colon = what.indexOf(':');
            FaultKind kind = FaultKind.parse(colon < 0 ? what : what.substring(0, colon));
            Optional<ServerRole> server = colon < 0 ? Optional.empty() : Optional.of(ServerRole.parse(what.substring(colon + 1)));
            FaultTrigger trigger = at < 0 ? new FaultTrigger.Asap() : FaultTrigger.parse(text.substring(at + 1));
            faults.add(new PlannedFault(kind, trigger, random.nextInt(parallelism), server));
        }
        if (faults.stream().filter(f -> f.kind().endsProcess()).count() > 1) {
            throw new IllegalArgumentException("at most one process-kill per run for now");
        }
        if (faults.stream().anyMatch(f -> f.kind().endsProcess())
                && faults.stream().anyMatch(f -> f.kind() == FaultKind.POISON)) {
            throw new IllegalArgumentException("poison and process-kill cannot be combined yet (a resumed producer "
                    + "cannot tell poison from records in a partition)");
        }
        return new FaultPlan(faults, seed);
    }

    /** {@link #parse(String, long, int, Set)} with every kind allowed for {@code random:N}. */
    public static FaultPlan parse(String spec, long seed, int parallelism) {
        return parse(spec, seed, parallelism, Set.copyOf(FaultKind.all()));
    }

    private static List<PlannedFault> randomFaults(String text, Random random, int parallelism, Set<FaultKind> kinds) {
        int count;
        try {
            count = Integer.parseInt(text.substring("random:".length()));
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 100) {
            throw new IllegalArgumentException("'" + text + "' needs a fault count from 1 to 100, e.g. random:6");
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no fault kind can be drawn for '" + text + "' in this mode");
        }
        List<FaultKind> pool = FaultKind.all().stream()
                .filter(kinds::contains)
                .filter(k -> !k.endsProcess())
                .collect(Collectors.toList());
        List<PlannedFault> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FaultKind kind = pool.get(random.nextInt(pool.size()));
            double at = RANDOM_FROM + random.nextDouble() * (RANDOM_TO - RANDOM_FROM);
            double rounded = Math.round(at * 1000) / 1000.0;
            drawn.add(new PlannedFault(kind, new FaultTrigger.AtProgress(rounded), random.nextInt(parallelism)));
        }
        drawn.sort(Comparator.comparingDouble(f -> ((FaultTrigger.AtProgress) f.trigger()).fraction()));
        return drawn;
    }

    /** This plan with {@code role} as the server of every container fault that names none. */
    public FaultPlan withDefaultServer(ServerRole role) {
        return new FaultPlan(faults.stream()
                .map(f -> f.kind().hitsServer() && f.server().isEmpty() ? f.on(role) : f)
                .collect(Collectors.toList()), seed);
    }

    public boolean isEmpty() {
        return faults.isEmpty();
    }

    public int count(FaultKind kind) {
        return (int) faults.stream().filter(f -> f.kind() == kind).count();
    }

    /** The kinds this plan uses. */
    public Set<FaultKind> kinds() {
        return faults.stream().map(PlannedFault::kind).collect(Collectors.toUnmodifiableSet());
    }

    /** The plan as {@code --chaos} would spell it, resolved (random faults with their drawn times). */
    public String describe() {
        return faults.isEmpty() ? "none" : faults.stream().map(PlannedFault::toString).collect(Collectors.joining(","));
    }
}
