package io.streamstress.runner.observe;

/**
 * One per-second sample of the run.
 *
 * @param atMillis wall clock of the sample
 * @param produced messages acknowledged by the broker so far
 * @param processed records through the job so far (replays included)
 * @param committed messages committed to Redis so far
 * @param lag consumer lag of the job's group, -1 when it could not be read (e.g. the broker was down)
 * @param behindScheduleMillis how far the producer was behind its schedule
 * @param checkpointsCompleted checkpoints completed so far
 * @param lastCheckpointId the newest completed checkpoint, 0 before the first
 * @param checkpointsFailed checkpoints failed so far
 * @param faultsInjected faults injected so far
 */
public record Sample(
        long atMillis,
        long produced,
        long processed,
        long committed,
        long lag,
        long behindScheduleMillis,
        long checkpointsCompleted,
        long lastCheckpointId,
        long checkpointsFailed,
        long faultsInjected) {

    static Sample of(long atMillis, LiveStatus status) {
        return new Sample(atMillis, status.produced(), status.processed(), status.committed(),
                status.lag().orElse(-1), status.behindScheduleMillis(), status.checkpointsCompleted(),
                status.lastCheckpointId(), status.checkpointsFailed(),
                status.faultsInjectedTotal());
    }
}
