package io.streamstress.runner.report;

import io.streamstress.runner.observe.Sample;
import io.streamstress.runner.run.Recording;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-second series from the raw samples: records produced, processed and committed at each second of the
 * pipeline, their per-second deltas, and the lag, schedule and checkpoint figures sampled at that second.
 */
final class Timeline {

    /**
     * One second of the pipeline; {@code lag} is -1 where it could not be read.
     */
    record Second(long second, long produced, long processed, long committed, long processedPerSecond,
            long committedPerSecond, long lag, long behindScheduleMs, long checkpointsCompleted,
            long lastCheckpointId, long checkpointsFailed, long faultsInjected) {}

    /** A per-second sample older than this does not describe the second (nobody was sampling). */
    static final long STALE_MS = 2_000;

    private Timeline() {}

    static List<Second> of(Recording recording) {
        long startMillis = recording.pipelineStartMillis();
        List<long[]> processed = recording.processed();
        List<long[]> committed = recording.committed();
        List<Sample> samples = recording.seconds();
        long end = Math.max(last(processed), last(committed));
        List<Second> seconds = new ArrayList<>();
        long previousProcessed = 0;
        long previousCommitted = 0;
        for (long s = 0; startMillis + s * 1000 <= end; s++) {
            long at = startMillis + s * 1000;
            long p = countAt(processed, at);
            long c = countAt(committed, at);
            Sample sample = sampleAt(samples, at);
            // No sample for a while: the process was down (a process-kill's restart gap); its lag is unknown.
            boolean stale = sample != null && at - sample.atMillis() > STALE_MS;
            seconds.add(new Second(s, sample == null ? 0 : sample.produced(), p, c,
                    s == 0 ? 0 : p - previousProcessed, s == 0 ? 0 : c - previousCommitted,
                    sample == null || stale ? -1 : sample.lag(), sample == null ? 0 : sample.behindScheduleMillis(),
                    sample == null ? 0 : sample.checkpointsCompleted(), sample == null ? 0 : sample.lastCheckpointId(),
                    sample == null ? 0 : sample.checkpointsFailed(), sample == null ? 0 : sample.faultsInjected()));
            previousProcessed = p;
            previousCommitted = c;
        }
        return seconds;
    }

    private static long last(List<long[]> samples) {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[0];
    }

    /** The count at {@code time}: the last sample at or before it (0 before the first). */
    static long countAt(List<long[]> samples, long time) {
        long count = 0;
        for (long[] sample : samples) {
            if (sample[0] > time) {
                break;
            }
            count = sample[1];
        }
        return count;
    }

    /** The newest per-second sample at or before {@code time}, or the first one when none is that early. */
    private static Sample sampleAt(List<Sample> samples, long time) {
        Sample found = samples.isEmpty() ? null : samples.get(0);
        for (Sample sample : samples) {
            if (sample.atMillis() > time) {
                break;
            }
            found = sample;
        }
        return found;
    }
}
