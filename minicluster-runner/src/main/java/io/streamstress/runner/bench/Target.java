package io.streamstress.runner.bench;

import java.util.List;
import java.util.Locale;

/**
 * A performance goal of the benchmark: a figure of {@code bench-result.json} and the bound it should keep.
 * Goals are reported, not enforced: a benchmark is not a test.
 */
record Target(String figure, boolean atLeast, double bound) {

    /** The goals for 10 M × 100 B on 20 TaskManagers × 1 slot, on a 2-core machine. */
    static final List<Target> GOALS = List.of(
            new Target("producer_ratio", true, 0.95),
            new Target("consume_ratio_vs_flink", true, 0.85),
            new Target("end_to_end_ratio", false, 1.3),
            new Target("peak_rss_mb", false, 1536));

    boolean met(double value) {
        return atLeast ? value >= bound : value <= bound;
    }

    String describe() {
        return String.format(Locale.ROOT, "%s %s", atLeast ? "≥" : "≤", bound == Math.rint(bound)
                ? String.format(Locale.ROOT, "%.0f", bound) : String.format(Locale.ROOT, "%.2f", bound));
    }
}
