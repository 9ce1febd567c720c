package io.streamstress.runner.run;

import io.streamstress.runner.observe.LatencySummary;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The run's four latency histograms, in µs: processing (produce timestamp → sink) and commit (produce
 * timestamp → committed in Redis), each also from the intended send time. Raw, so that the parts measured by
 * two processes of one run add up before percentiles are taken.
 */
record LatencyHistograms(Histogram processing, Histogram processingFromIntended, Histogram commit,
        Histogram commitFromIntended) {

    static LatencyHistograms of(Histogram... histograms) {
        if (histograms.length != 4) {
            throw new IllegalArgumentException("four latency histograms expected, got " + histograms.length);
        }
        return new LatencyHistograms(histograms[0], histograms[1], histograms[2], histograms[3]);
    }

    List<Histogram> all() {
        return List.of(processing, processingFromIntended, commit, commitFromIntended);
    }

    /** This and {@code other} together. */
    LatencyHistograms plus(LatencyHistograms other) {
        List<Histogram> mine = all();
        List<Histogram> theirs = other.all();
        Histogram[] sum = new Histogram[4];
        for (int i = 0; i < 4; i++) {
            sum[i] = mine.get(i).copy();
            sum[i].add(theirs.get(i));
        }
        return of(sum);
    }

    LatencySummary processingSummary() {
        return LatencySummary.of(processing);
    }

    LatencySummary processingFromIntendedSummary() {
        return LatencySummary.of(processingFromIntended);
    }

    LatencySummary commitSummary() {
        return LatencySummary.of(commit);
    }

    LatencySummary commitFromIntendedSummary() {
        return LatencySummary.of(commitFromIntended);
    }
}
