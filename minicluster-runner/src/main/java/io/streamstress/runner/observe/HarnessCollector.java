package io.streamstress.runner.observe;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The harness's metrics for Prometheus, read from the {@link LiveStatus} at each scrape (nothing is copied
 * or kept in between). Names are documented in README.md ("Live view").
 */
final class HarnessCollector extends Collector {

    private final LiveStatus status;
    private final long expected;
    private final VerifiedCounts verified;

    HarnessCollector(LiveStatus status, long expected, VerifiedCounts verified) {
        this.status = status;
        this.expected = expected;
        this.verified = verified;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples> families = new ArrayList<>();
        families.add(new GaugeMetricFamily("streamstress_messages_expected",
                "Messages the run produces and must count (--messages).", expected));
        families.add(new CounterMetricFamily("streamstress_produced_total",
                "Messages the broker acknowledged.", status.produced()));
        families.add(new CounterMetricFamily("streamstress_processed_total",
                "Records through the Flink job, replays included.", status.processed()));
        families.add(new CounterMetricFamily("streamstress_committed_total",
                "Messages committed to Redis (the run's total key).", status.committed()));
        families.add(new GaugeMetricFamily("streamstress_verified",
                "Messages verified after the run: 1 per message whose count and sequence were checked (0 until then).",
                verified.verified()));
        families.add(new GaugeMetricFamily("streamstress_lost",
                "Sequence numbers no commit covers, as verified after the run (0 until then).", verified.lost()));
        families.add(new GaugeMetricFamily("streamstress_duplicated",
                "Sequence numbers committed more than once, as verified after the run (0 until then).",
                verified.duplicated()));
        families.add(new GaugeMetricFamily("streamstress_consumer_lag",
                "End offsets minus the offsets the job's group committed (-1 while unknown).",
                status.lag().orElse(-1)));
        families.add(new GaugeMetricFamily("streamstress_behind_schedule_seconds",
                "How far the producer is behind its --rate / --traffic-pattern schedule.",
                status.behindScheduleMillis() / 1000.0));
        families.add(new CounterMetricFamily("streamstress_checkpoints_completed_total",
                "Checkpoints completed.", status.checkpointsCompleted()));
        families.add(new CounterMetricFamily("streamstress_checkpoints_failed_total",
                "Checkpoints failed.", status.checkpointsFailed()));
        CounterMetricFamily faults = new CounterMetricFamily("streamstress_faults_injected_total",
                "Faults injected, by kind.", List.of("kind"));
        for (Map.Entry<String, Long> entry : status.faultsInjected().entrySet()) {
            faults.addMetric(List.of(entry.getKey()), entry.getValue());
        }
        families.add(faults);
        GaugeMetricFamily recovery = new GaugeMetricFamily("streamstress_recovery_seconds",
                "Recovery time of the latest recovered fault of each kind.", List.of("kind"));
        for (Map.Entry<String, Long> entry : status.lastRecoveryMillis().entrySet()) {
            recovery.addMetric(List.of(entry.getKey()), entry.getValue() / 1000.0);
        }
        families.add(recovery);
        return families;
    }
}
