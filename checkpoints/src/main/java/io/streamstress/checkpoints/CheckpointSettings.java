package io.streamstress.checkpoints;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * How the job checkpoints: interval, mode, state backend, and where retained checkpoints go.
 *
 * @param interval time between checkpoint triggers, at least {@link #MIN_INTERVAL}
 * @param mode exactly-once (barrier alignment) or at-least-once
 * @param stateBackend heap or RocksDB
 * @param incremental incremental checkpoints (RocksDB only)
 * @param directory where checkpoints are written; they are retained on cancellation for a resume
 * @param retained how many completed checkpoints to keep, at least 1
 */
public record CheckpointSettings(
        Duration interval,
        CheckpointingMode mode,
        StateBackendKind stateBackend,
        boolean incremental,
        Path directory,
        int retained) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    /** Three: a rollback restores the one before the newest, and the newest may still be completing. */
    public static final int DEFAULT_RETAINED = 3;

    public CheckpointSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(stateBackend, "stateBackend");
        Objects.requireNonNull(directory, "directory");
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    "checkpoint interval must be at least " + MIN_INTERVAL.toMillis() + " ms, was " + interval.toMillis() + " ms");
        }
        if (retained < 1) {
            throw new IllegalArgumentException("retained checkpoints must be at least 1, was " + retained);
        }
        if (incremental && stateBackend != StateBackendKind.ROCKSDB) {
            throw new IllegalArgumentException("incremental checkpoints need the rocksdb state backend");
        }
    }

    /** Exactly-once, every second, heap state, two retained checkpoints under {@code directory}. */
    public static CheckpointSettings defaults(Path directory) {
        return new CheckpointSettings(
                DEFAULT_INTERVAL, CheckpointingMode.EXACTLY_ONCE, StateBackendKind.HASHMAP, false, directory, DEFAULT_RETAINED);
    }

    /**
     * Writes what the JobManager reads from its own (cluster) configuration only, not from a job's: how many
     * completed checkpoints it retains ({@code state.checkpoints.num-retained}, {@link #DEFAULT_RETAINED} unless
     * {@code cluster} sets it; set on a job it is ignored and one is kept).
     */
    public static Configuration retainOnCluster(Configuration cluster) {
        if (!cluster.contains(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS)) {
            cluster.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, DEFAULT_RETAINED);
        }
        return cluster;
    }

    /** Writes these settings into a Flink configuration (cluster or job level). */
    public Configuration applyTo(Configuration config) {
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        config.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, mode);
        config.set(StateBackendOptions.STATE_BACKEND, stateBackend.flinkName());
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, incremental);
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory.toUri().toString());
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        config.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, retained);
        config.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ZERO);
        config.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, Integer.MAX_VALUE);
        return config;
    }
}
