package io.streamstress.runner.run;

import io.streamstress.checkpoints.CompletedCheckpoint;
import java.util.List;
import java.util.Map;

/**
 * What was recorded while the pipeline ran, for the report: raw samples, not summaries.
 *
 * @param pipelineStartMillis wall clock of the first record sent
 * @param processed samples of {@code [time ms, records through the job so far]} (replays included)
 * @param committed samples of {@code [time ms, records committed to Redis so far]}
 * @param checkpoints completed checkpoints, by id
 * @param failedCheckpoints failed checkpoints as the JobManager counts them
 * @param processedPerSubtask records each subtask processed
 * @param processingLatency produce timestamp → record reaches the sink, replays included
 */
public record Recording(
        long pipelineStartMillis,
        List<long[]> processed,
        List<long[]> committed,
        List<CompletedCheckpoint> checkpoints,
        long failedCheckpoints,
        Map<Integer, Long> processedPerSubtask,
        LatencySummary processingLatency) {

    public Recording {
        processed = List.copyOf(processed);
        committed = List.copyOf(committed);
        checkpoints = List.copyOf(checkpoints);
        processedPerSubtask = Map.copyOf(processedPerSubtask);
    }
}
