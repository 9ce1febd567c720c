package io.streamstress.runner.infra;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options a run's worker JVM gets when the user chose none (and the benchmark gives its Flink peer,
 * so that both jobs run on the same JVM settings).
 *
 * <ul>
 *   <li>{@link #HEAP}, fixed and touched at start ({@code -Xms} = {@code -Xmx}, {@code AlwaysPreTouch}):
 *       the run's memory is its budget from the first second, whatever the number of messages. With a heap
 *       that only had a maximum, the collector kept growing into it as the run went on: 1,020 MB peak RSS at
 *       10 M messages, 1,332 MB at 100 M (the live set stays ~300 MB; promoted garbage waits in the old
 *       generation for a full collection). Left without any maximum, the JVM takes a quarter of the machine
 *       (a 10 M run peaked near 3 GB).
 *   <li>{@link #GC}: the parallel collector. A run is a batch job on few cores: throughput matters, a pause
 *       of a few ms does not. In a CPU profile of a 5 M run (async-profiler), G1's own threads took 7 % of the
 *       CPU, besides the barriers it adds to every reference store.
 * </ul>
 */
public final class JvmDefaults {

    public static final String HEAP = "768m";
    public static final String GC = "-XX:+UseParallelGC";

    private JvmDefaults() {}

    /** The heap options: fixed size, touched at start. */
    public static List<String> heap() {
        return List.of("-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+AlwaysPreTouch");
    }

    /** The options for a JVM whose user chose neither heap nor collector. */
    public static List<String> options() {
        List<String> options = new ArrayList<>(heap());
        options.add(GC);
        return List.copyOf(options);
    }
}
