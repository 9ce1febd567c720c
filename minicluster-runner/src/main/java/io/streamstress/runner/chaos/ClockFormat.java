package io.streamstress.runner.chaos;

import io.streamstress.chaos.clock.RecoveryClock;
import java.util.Locale;
import java.util.OptionalLong;

/** How recovery clocks read on the console. */
public final class ClockFormat {

    private ClockFormat() {}

    /**
     * {@code recovery 0.61 s  T1 +0.42s  T2 +0.61s  T3 +1.30s  T4 +1.00s}; "-" for a clock not reached; a
     * TaskManager crash or freeze starts with when Flink detected it ({@code detected +1.02s}).
     */
    public static String line(RecoveryClock clock) {
        String detected = clock.detected().isPresent() ? "detected " + since(clock.t0(), clock.detected()) + " " : "";
        return String.format(Locale.ROOT, "%srecovery %-11s T1 %-7s T2 %-7s T3 %-7s T4 %-7s (%s%s)", detected,
                seconds(clock.recoveryMillis()), since(clock.t0(), clock.t1()), since(clock.t0(), clock.t2()),
                since(clock.t0(), clock.t3()), since(clock.t0(), clock.t4()), clock.basis(),
                clock.baselinePerSecond().isPresent() ? "" : "; T4: no baseline, the pipeline never ran freely before T0");
    }

    static String since(long t0, OptionalLong t) {
        return t.isPresent() ? String.format(Locale.ROOT, "+%.2fs", (t.getAsLong() - t0) / 1000.0) : "-";
    }

    public static String seconds(OptionalLong millis) {
        return millis.isPresent() ? String.format(Locale.ROOT, "%.2f s", millis.getAsLong() / 1000.0) : "not reached";
    }
}
