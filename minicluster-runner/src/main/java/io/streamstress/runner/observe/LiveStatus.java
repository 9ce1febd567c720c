package io.streamstress.runner.observe;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The run's figures as they stand now, for the per-second record, the progress bar and Prometheus. Every
 * method answers at once from what was last measured (none waits for Kafka or Redis).
 */
public interface LiveStatus {

    /** Messages the broker acknowledged. */
    long produced();

    /** Records through the job (replays included). */
    long processed();

    /** Messages committed to Redis. */
    long committed();

    /** Consumer lag of the job's group (end offsets − committed offsets), when it could be read. */
    OptionalLong lag();

    /** How far the producer is behind its schedule, in ms (0 with no schedule). */
    long behindScheduleMillis();

    /** Checkpoints completed so far. */
    long checkpointsCompleted();

    /** The id of the newest completed checkpoint, 0 before the first. */
    long lastCheckpointId();

    /** Checkpoints failed so far. */
    long checkpointsFailed();

    /** Faults injected so far, by kind. */
    Map<String, Long> faultsInjected();

    /** Faults injected so far, all kinds. */
    default long faultsInjectedTotal() {
        return faultsInjected().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The latest recovery time of each fault kind, in ms. */
    Map<String, Long> lastRecoveryMillis();
}
