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
    /** Lets code on the class path call native methods without a warning. */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** Lets code use {@code sun.misc.Unsafe}'s memory methods without a warning. */
    public static final String UNSAFE_MEMORY_ACCESS = "--sun-misc-unsafe-memory-access=allow";
    /** The first JDK that knows {@link #UNSAFE_MEMORY_ACCESS}. */
    static final int UNSAFE_OPTION_SINCE = 23;

    private JvmDefaults() {}

    /** The heap options: fixed size, touched at start. */
    public static List<String> heap() {
        return List.of("-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+AlwaysPreTouch");
    }

    /**
     * The options that keep a JVM of {@code javaVersion} (its feature release, e.g. 17 or 25) from printing
     * warnings on stderr about what the jar's libraries do, for the JVMs the jar starts itself (a {@code -cp}
     * launch does not read the jar manifest's {@code Enable-Native-Access: ALL-UNNAMED}, which covers
     * {@code java -jar}).
     *
     * <ul>
     *   <li>{@code --enable-native-access=ALL-UNNAMED}: Netty and RocksDB load native libraries; from JDK 24
     *       every {@code System::loadLibrary} from the class path warns without it. JDK 17 knows the option
     *       (JEP 412) and accepts it.
     *   <li>{@code --sun-misc-unsafe-memory-access=allow}: Netty 4.1 (Lettuce's) and Flink use
     *       {@code sun.misc.Unsafe}'s memory methods, which warn from JDK 24. The option exists from JDK 23
     *       (JEP 471): an older JVM refuses to start with it, so it is given only from 23 on.
     * </ul>
     */
    public static List<String> quietOptions(int javaVersion) {
        List<String> options = new ArrayList<>();
        options.add(NATIVE_ACCESS);
        if (javaVersion >= UNSAFE_OPTION_SINCE) {
            options.add(UNSAFE_MEMORY_ACCESS);
        }
        return List.copyOf(options);
    }

    /** {@link #quietOptions(int)} for the JVM this runs in (the JVMs the jar starts use the same {@code java}). */
    public static List<String> quietOptions() {
        return quietOptions(Runtime.version().feature());
    }

    /** The options for a JVM whose user chose neither heap nor collector. */
    public static List<String> options() {
        List<String> options = new ArrayList<>(heap());
        options.add(GC);
        return List.copyOf(options);
    }
}
