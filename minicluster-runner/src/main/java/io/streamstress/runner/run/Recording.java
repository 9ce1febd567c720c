package io.streamstress.runner.run;

import io.streamstress.checkpoints.CompletedCheckpoint;
import io.streamstress.runner.observe.LatencySummary;
import io.streamstress.runner.observe.Sample;
import java.util.List;
import java.util.Map;

/**
 * What was recorded while the pipeline ran, for the report: raw samples, not summaries.
 *
 * @param pipelineStartMillis wall clock of the first record sent
 * @param processed samples of {@code [time ms, records through the job so far]} (replays included)
 * @param committed samples of {@code [time ms, records committed to Redis so far]}
 * @param seconds one sample of every live figure per second (produced, lag, checkpoints, …)
 * @param checkpoints completed checkpoints, by id
 * @param failedCheckpoints failed checkpoints as the JobManager counts them
 * @param processedPerSubtask records each subtask processed
 * @param processedPerTaskManager records each TaskManager processed, by resource id
 * @param scheduled whether the producer followed a schedule ({@code --rate} or a traffic pattern)
 * @param processingLatency produce timestamp → record reaches the sink, replays included
 * @param processingLatencyFromIntended intended send time → record reaches the sink
 * @param commitLatency produce timestamp → the record's count is committed in Redis
 * @param commitLatencyFromIntended intended send time → committed in Redis
 */
public record Recording(
        long pipelineStartMillis,
        List<long[]> processed,
        List<long[]> committed,
        List<Sample> seconds,
        List<CompletedCheckpoint> checkpoints,
        long failedCheckpoints,
        Map<Integer, Long> processedPerSubtask,
        Map<String, Long> processedPerTaskManager,
        boolean scheduled,
        LatencySummary processingLatency,
        LatencySummary processingLatencyFromIntended,
        LatencySummary commitLatency,
        LatencySummary commitLatencyFromIntended) {

    public Recording {
        processed = List.copyOf(processed);
        committed = List.copyOf(committed);
        seconds = List.copyOf(seconds);
        checkpoints = List.copyOf(checkpoints);
        processedPerTaskManager = Map.copyOf(processedPerTaskManager);
        processedPerSubtask = Map.copyOf(processedPerSubtask);
    }
}
