package io.streamstress.runner.infra.cluster;

import io.streamstress.runner.infra.JvmDefaults;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigConstants;

/**
 * The command line of one of the cluster's JVMs: the harness's own {@code java} and classpath (stress.jar holds
 * Flink's entry points; in tests, the test classpath), Flink's computed memory flags, the parallel collector and
 * the options that keep the JDK quiet ({@link JvmDefaults}), logging into the cluster's {@code log/}, temp files
 * in its {@code tmp/}, then the entry point with {@code --configDir} and its dynamic properties; and how it is
 * launched: under its {@link WatchedProcess watchdog}, in the cluster's directory, with a plugins directory of
 * the cluster's own.
 */
public final class FlinkJvmCommand {

    /** The session cluster's JobManager, as {@code jobmanager.sh} (standalonesession) starts it. */
    public static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    /** A TaskManager, as {@code taskmanager.sh} starts it. */
    public static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

    /** The oldest Java a container image may have: the jar's own target. */
    static final int OLDEST_CONTAINER_JAVA = 17;

    private FlinkJvmCommand() {}

    /**
     * The command that runs {@code mainClass} with {@code flags}, logging into {@code logFile}.
     *
     * @param moreProperties further dynamic properties of this one process ({@code -D}, {@code key=value}, …)
     */
    public static List<String> of(String mainClass, FlinkJvmFlags flags, ClusterDirectory dir, Path logFile,
            List<String> moreProperties) {
        return command(java(), JvmDefaults.quietOptions(), classpath(), mainClass, flags, dir, logFile, moreProperties);
    }

    /**
     * The command that runs {@code mainClass} in a container whose image has {@code java} on its path (of a feature
     * release from {@value #OLDEST_CONTAINER_JAVA} on, so only the quiet options it knows), this JVM's class path
     * and the cluster directory bound at the same paths.
     */
    public static List<String> inContainer(String mainClass, FlinkJvmFlags flags, ClusterDirectory dir, Path logFile,
            List<String> moreProperties) {
        return command("java", JvmDefaults.quietOptions(OLDEST_CONTAINER_JAVA), classpath(), mainClass, flags, dir,
                logFile, moreProperties);
    }

    private static List<String> command(String java, List<String> quietOptions, String classpath, String mainClass,
            FlinkJvmFlags flags, ClusterDirectory dir, Path logFile, List<String> moreProperties) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(flags.jvmOptions());
        command.add(JvmDefaults.GC);
        command.addAll(quietOptions);
        command.addAll(ClusterLogging.jvmOptions(dir.conf(), logFile));
        command.add("-Djava.io.tmpdir=" + dir.tmp().toAbsolutePath());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.add("--configDir");
        command.add(dir.conf().toAbsolutePath().toString());
        command.addAll(flags.dynamicProperties());
        command.addAll(moreProperties);
        return List.copyOf(command);
    }

    /** The environment of every Flink process: an empty plugins directory of the cluster's own. */
    public static Map<String, String> environment(ClusterDirectory dir) {
        return Map.of(ConfigConstants.ENV_FLINK_PLUGINS_DIR, dir.plugins().toAbsolutePath().toString());
    }

    /** Starts {@code command} under its watchdog, in the cluster's directory, output into {@code output}. */
    static WatchedProcess start(List<String> command, ClusterDirectory dir, Path output) throws IOException {
        return WatchedProcess.start(command, output, dir.root().toAbsolutePath(), environment(dir));
    }

    /** The {@code java} this JVM runs on. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's classpath with every entry absolute (the children may not share a relative view of it). */
    public static String classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
