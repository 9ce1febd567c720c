package io.streamstress.runner.infra.cluster;

import io.streamstress.runner.infra.RunDirectory;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the local session cluster: one JobManager and {@code taskManagers + spareTaskManagers} TaskManager
 * JVMs on loopback.
 *
 * @param taskManagers TaskManagers the job is meant to fill
 * @param slotsPerTaskManager slots each
 * @param spareTaskManagers TaskManagers started besides, idle until a fault: a standalone cluster does not
 *     replace a lost TaskManager, so the tasks of a killed or frozen one need free slots right away
 * @param rocksDb whether the job uses RocksDB (its block cache and write buffers live in managed memory)
 * @param runDirectory the run's directory; the cluster keeps its configuration, logs and temp files in
 *     {@link ClusterDirectory#of(RunDirectory) flink-cluster/} inside it, checkpoints in its {@code checkpoints/}
 * @param extraConfig further Flink configuration ({@code -D}), applied last (it may override anything, memory too)
 * @param startTimeout how long the JobManager and every TaskManager may take to come up
 * @param bindAttempts how many times the JobManager may start on fresh ports when a candidate was taken by
 *     the time it bound it
 * @param portPicker chooses the JobManager's port candidates
 */
public record LocalClusterSettings(int taskManagers, int slotsPerTaskManager, int spareTaskManagers, boolean rocksDb,
        RunDirectory runDirectory, Map<String, String> extraConfig, Duration startTimeout, int bindAttempts,
        PortPicker portPicker) {

    /** Every process binds loopback only. */
    public static final String HOST = "127.0.0.1";
    /** One spare: a kill starts the next spare at once, so one is always there for the next fault. */
    public static final int DEFAULT_SPARE_TASK_MANAGERS = 1;
    /** Measured ~11 s for a JobManager and three TaskManagers on 2 cores at load 6: far below this. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(2);
    /** A taken candidate is rare; five in a row are not expected. */
    public static final int DEFAULT_BIND_ATTEMPTS = 5;

    public LocalClusterSettings {
        Objects.requireNonNull(runDirectory, "runDirectory");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(portPicker, "portPicker");
        extraConfig = Map.copyOf(Objects.requireNonNull(extraConfig, "extraConfig"));
        if (taskManagers < 1) {
            throw new IllegalArgumentException("--task-managers must be at least 1, was " + taskManagers);
        }
        if (slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("--slots-per-task-manager must be at least 1, was " + slotsPerTaskManager);
        }
        if (spareTaskManagers < 0) {
            throw new IllegalArgumentException("spareTaskManagers must not be negative, was " + spareTaskManagers);
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
        }
        if (bindAttempts < 1) {
            throw new IllegalArgumentException("bindAttempts must be at least 1, was " + bindAttempts);
        }
    }

    /** {@code taskManagers} × {@code slotsPerTaskManager} plus the default spare, free ports, default patience. */
    public static LocalClusterSettings of(int taskManagers, int slotsPerTaskManager, boolean rocksDb,
            RunDirectory runDirectory, Map<String, String> extraConfig) {
        return new LocalClusterSettings(taskManagers, slotsPerTaskManager, DEFAULT_SPARE_TASK_MANAGERS, rocksDb,
                runDirectory, extraConfig, DEFAULT_START_TIMEOUT, DEFAULT_BIND_ATTEMPTS, PortPicker.free());
    }

    /** TaskManagers started at first: the job's and the spares. */
    public int initialTaskManagers() {
        return taskManagers + spareTaskManagers;
    }

    /** The same cluster choosing the JobManager's port candidates with {@code picker}. */
    public LocalClusterSettings withPortPicker(PortPicker picker) {
        return new LocalClusterSettings(taskManagers, slotsPerTaskManager, spareTaskManagers, rocksDb, runDirectory,
                extraConfig, startTimeout, bindAttempts, picker);
    }

    /** The same cluster with {@code spares} spare TaskManagers. */
    public LocalClusterSettings withSpareTaskManagers(int spares) {
        return new LocalClusterSettings(taskManagers, slotsPerTaskManager, spares, rocksDb, runDirectory,
                extraConfig, startTimeout, bindAttempts, portPicker);
    }
}
