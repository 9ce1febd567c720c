package io.streamstress.runner.infra.cluster;

import io.streamstress.runner.infra.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local cluster keeps its files, inside the run directory: {@code conf/} (the {@code config.yaml}
 * every process reads and the Log4j configuration), {@code log/} (one {@code .log} and one {@code .out} per
 * process, named as Flink's scripts name them), {@code tmp/} ({@code io.tmp.dirs} and {@code java.io.tmpdir})
 * and an empty {@code plugins/}. It is the processes' working directory (a JVM's crash report lands there).
 *
 * @param root the cluster's directory
 */
public record ClusterDirectory(Path root) {

    /** The directory's name inside the run directory. */
    public static final String NAME = "flink-cluster";

    /** The cluster directory of {@code run} (not created yet). */
    public static ClusterDirectory of(RunDirectory run) {
        return new ClusterDirectory(run.root().resolve(NAME));
    }

    /** Creates the directory and its sub-directories. */
    public ClusterDirectory create() throws IOException {
        Files.createDirectories(conf());
        Files.createDirectories(log());
        Files.createDirectories(tmp());
        Files.createDirectories(plugins());
        return this;
    }

    /** What {@code --configDir} names: {@code config.yaml} is in it. */
    public Path conf() {
        return root.resolve("conf");
    }

    public Path log() {
        return root.resolve("log");
    }

    public Path tmp() {
        return root.resolve("tmp");
    }

    /**
     * The processes' plugins directory, empty: Flink looks for {@code plugins/} in the working directory unless
     * told otherwise, and a user's own would be loaded.
     */
    public Path plugins() {
        return root.resolve("plugins");
    }

    public Path jobManagerLog() {
        return log().resolve("jobmanager.log");
    }

    /** The JobManager JVM's stdout and stderr (what the JVM itself prints, e.g. a refused option). */
    public Path jobManagerOut() {
        return log().resolve("jobmanager.out");
    }

    /** The log of the TaskManager with index {@code index} (resource id {@code tm-index}). */
    public Path taskManagerLog(int index) {
        return log().resolve("taskmanager-" + index + ".log");
    }

    /** The stdout and stderr of the TaskManager JVM with index {@code index}. */
    public Path taskManagerOut(int index) {
        return log().resolve("taskmanager-" + index + ".out");
    }
}
