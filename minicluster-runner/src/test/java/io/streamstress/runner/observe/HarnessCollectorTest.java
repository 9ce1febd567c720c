package io.streamstress.runner.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.client.Collector.MetricFamilySamples;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HarnessCollectorTest {

    private static final LiveStatus STATUS = new TestingLiveStatus(900, 950, 800, OptionalLong.of(100), 1_500, 3, 7, 1,
            Map.of("task-exception", 2L), Map.of("task-exception", 510L));

    @Test
    void exposesTheLiveFiguresUnderTheirDocumentedNames() {
        // Given a run's live figures and its verification
        VerifiedCounts verified = new VerifiedCounts();
        verified.set(800, 0, 3);

        // When Prometheus scrapes
        List<MetricFamilySamples> families = new HarnessCollector(STATUS, 1_000, verified).collect();

        // Then every figure is there with its value and labels
        Map<String, Double> values = families.stream().flatMap(f -> f.samples.stream())
                .collect(Collectors.toMap(s -> s.name + s.labelValues, s -> s.value));
        assertThat(values).as("samples")
                .containsEntry("streamstress_messages_expected[]", 1_000.0)
                .containsEntry("streamstress_produced_total[]", 900.0)
                .containsEntry("streamstress_committed_total[]", 800.0)
                .containsEntry("streamstress_verified[]", 800.0)
                .containsEntry("streamstress_duplicated[]", 3.0)
                .containsEntry("streamstress_consumer_lag[]", 100.0)
                .containsEntry("streamstress_behind_schedule_seconds[]", 1.5)
                .containsEntry("streamstress_faults_injected_total[task-exception]", 2.0)
                .containsEntry("streamstress_recovery_seconds[task-exception]", 0.51);
    }

    @Test
    void theGrafanaDashboardAsksOnlyForMetricsThatExist() throws Exception {
        // Given the dashboard shipped in stress-scripts
        String dashboard = new ObjectMapper().readTree(Path.of("..", "stress-scripts", "observability",
                "grafana-dashboard.json").toFile()).toString();
        Set<String> asked = new HashSet<>();
        Matcher m = Pattern.compile("streamstress_[a-z_]+").matcher(dashboard);
        while (m.find()) {
            asked.add(m.group());
        }

        // Then every streamstress metric it queries is one the harness serves
        Set<String> served = new HarnessCollector(STATUS, 1_000, new VerifiedCounts()).collect().stream()
                .flatMap(f -> f.samples.stream()).map(s -> s.name).collect(Collectors.toSet());
        assertThat(asked).as("metrics the dashboard queries").isNotEmpty();
        assertThat(served).as("metrics the harness serves").containsAll(asked);
    }
}
