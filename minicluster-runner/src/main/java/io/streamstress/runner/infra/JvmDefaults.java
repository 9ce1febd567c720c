package io.streamstress.runner.infra;

import java.util.List;

/**
 * The JVM options a run's worker JVM gets when the user chose none (and the benchmark gives its Flink peer,
 * so that both jobs run on the same JVM settings).
 *
 * <ul>
 *   <li>{@link #HEAP}: left alone, the JVM grows its heap towards a quarter of the machine's memory and,
 *       being lazy about collecting, it does (a 10 M run peaked near 3 GB RSS, no faster than with 1 GB).
 *   <li>{@link #GC}: the parallel collector. A run is a batch job on few cores: throughput matters, a pause
 *       of a few ms does not. In a CPU profile of a 5 M run (async-profiler), G1's own threads took 7 % of the
 *       CPU besides the write barriers it adds to every reference store.
 * </ul>
 */
public final class JvmDefaults {

    public static final String HEAP = "1g";
    public static final String GC = "-XX:+UseParallelGC";

    private JvmDefaults() {}

    /** The options for a JVM whose user chose neither heap nor collector. */
    public static List<String> options() {
        return List.of("-Xmx" + HEAP, GC);
    }
}
