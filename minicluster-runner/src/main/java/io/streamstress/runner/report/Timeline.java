package io.streamstress.runner.report;

import java.util.ArrayList;
import java.util.List;

/** Per-second series from the raw samples: records processed and committed at each second of the pipeline. */
final class Timeline {

    /** One second of the pipeline. */
    record Second(long second, long processed, long committed, long processedPerSecond, long committedPerSecond) {}

    private Timeline() {}

    static List<Second> of(long startMillis, List<long[]> processed, List<long[]> committed) {
        long end = Math.max(last(processed), last(committed));
        List<Second> seconds = new ArrayList<>();
        long previousProcessed = 0;
        long previousCommitted = 0;
        for (long s = 0; startMillis + s * 1000 <= end; s++) {
            long at = startMillis + s * 1000;
            long p = countAt(processed, at);
            long c = countAt(committed, at);
            seconds.add(new Second(s, p, c, s == 0 ? 0 : p - previousProcessed, s == 0 ? 0 : c - previousCommitted));
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
}
