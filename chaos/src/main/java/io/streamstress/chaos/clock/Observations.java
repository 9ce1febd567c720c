package io.streamstress.chaos.clock;

import java.util.List;

/**
 * What was recorded around one fault, all as wall-clock milliseconds.
 *
 * @param restartedRunningAt when each task attempt started after the fault reached RUNNING
 * @param firstRecordsAt when each attempt started after the fault processed its first record
 * @param checkpointsCompletedAt when checkpoints completed
 * @param processed samples of {@code [time, records processed so far]}, in time order
 * @param committed samples of {@code [time, records committed to Redis so far]}, in time order
 */
public record Observations(
        List<Long> restartedRunningAt,
        List<Long> firstRecordsAt,
        List<Long> checkpointsCompletedAt,
        List<long[]> processed,
        List<long[]> committed) {

    public Observations {
        restartedRunningAt = List.copyOf(restartedRunningAt);
        firstRecordsAt = List.copyOf(firstRecordsAt);
        checkpointsCompletedAt = List.copyOf(checkpointsCompletedAt);
        processed = List.copyOf(processed);
        committed = List.copyOf(committed);
    }
}
