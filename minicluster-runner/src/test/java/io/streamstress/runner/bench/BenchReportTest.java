package io.streamstress.runner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-result.json carries the ratios as medians of each round's own ratio, and every raw figure. */
class BenchReportTest {

    @TempDir
    Path dir;

    @Test
    void theResultHoldsTheMediansOfTheRoundsRatiosAndEveryRawFigure() throws Exception {
        // Given three rounds (the ratio is per round: the median of ratios, not the ratio of medians)
        BenchSettings settings = settings();
        List<Map<String, Double>> rounds = List.of(round(0.90, 1.4, 1200), round(1.00, 1.2, 1300), round(0.97, 1.1, 1250));

        // When
        JsonNode json = BenchReport.toJson(settings, Map.of(Jdk.current(), rounds));

        // Then
        assertThat(json.path("producer_ratio").asDouble()).as("median producer ratio").isEqualTo(0.97);
        assertThat(json.path("end_to_end_ratio").asDouble()).as("median end-to-end ratio").isEqualTo(1.2);
        assertThat(json.path("peak_rss_mb").asDouble()).as("median peak RSS").isEqualTo(1250);
        assertThat(json.has("consume_ratio_vs_flink") && json.has("consume_ratio_vs_kafka")).as("consume ratios").isTrue();
        assertThat(json.at("/goals/producer_ratio/met").asBoolean()).as("0.97 ≥ 0.95").isTrue();
        assertThat(json.at("/goals/end_to_end_ratio/met").asBoolean()).as("1.2 ≤ 1.3").isTrue();
        assertThat(json.path("rounds").size()).as("raw rounds").isEqualTo(3);
        assertThat(json.at("/rounds/0/kafka_producer_perf_records_per_s").asDouble()).as("a raw figure").isEqualTo(500_000);
        assertThat(json.at("/settings/messages").asLong()).as("records per contestant").isEqualTo(1_000);
    }

    @Test
    void theTableShowsEveryRoundTheMedianAndAMissedGoal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchReport.printTable(settings(), Jdk.current(), List.of(round(0.80, 1.2, 1000)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);

        assertThat(table).as("table")
                .contains("round 1", "median", "Kafka ProducerPerformance", "500,000")
                .containsPattern("producer_ratio +0\\.800 +≥ 0\\.95 +MISSED")
                .containsPattern("end_to_end_ratio +1\\.200 +≤ 1\\.30 +met");
    }

    @Test
    void twoJdksGiveEveryRatioPerJdkSideBySideAndInTheResult() throws Exception {
        // Given the rounds on two JDKs
        Jdk first = new Jdk(Jdk.current().java(), "17.0.15");
        Jdk second = new Jdk(Jdk.current().java(), "25.0.1");
        Map<Jdk, List<Map<String, Double>>> byJdk = new LinkedHashMap<>();
        byJdk.put(first, List.of(round(0.90, 1.6, 1100)));
        byJdk.put(second, List.of(round(1.00, 1.3, 1200)));

        // When the result is written and the ratios printed side by side
        JsonNode json = BenchReport.toJson(settings(), byJdk);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchReport.printSideBySide(byJdk, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);

        // Then each JDK has its own ratios, the first one's also at the top level, and the table a column each
        assertThat(json.path("jdks").size()).as("JDKs").isEqualTo(2);
        assertThat(json.at("/jdks/0/environment/java").asText()).as("first JDK").isEqualTo("17.0.15");
        assertThat(json.at("/jdks/1/end_to_end_ratio").asDouble()).as("second JDK's ratio").isEqualTo(1.3);
        assertThat(json.path("end_to_end_ratio").asDouble()).as("top level: the first JDK's").isEqualTo(1.6);
        assertThat(table).as("side by side").contains("Java 17.0.15", "Java 25.0.1")
                .containsPattern("end_to_end_ratio +1\\.600 ✗ +1\\.300 +≤ 1\\.30");
    }

    private BenchSettings settings() {
        Path jar = dir.resolve("stress.jar");
        try {
            Files.writeString(jar, "not really a jar");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchSettings(1_000, 3, 100, 4, 2, 2, Duration.ofSeconds(1), BenchSettings.DEFAULT_SCALE, jar,
                "Produce", dir);
    }

    private static Map<String, Double> round(double producerRatio, double endToEndRatio, double rss) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (String key : List.of("kafka_producer_perf_wall_s", "load_producer_wall_s", "kafka_consumer_perf_wall_s",
                "bare_flink_wall_s", "consume_phase_job_s", "end_to_end_wall_s", "end_to_end_peak_rss_tree_mb",
                "load_producer_records_per_s", "kafka_consumer_perf_records_per_s", "bare_flink_records_per_s",
                "consume_phase_records_per_s", "end_to_end_records_per_s")) {
            f.put(key, 1.0);
        }
        f.put("kafka_producer_perf_records_per_s", 500_000.0);
        f.put("end_to_end_peak_rss_mb", rss);
        f.put("producer_ratio", producerRatio);
        f.put("consume_ratio_vs_flink", 0.9);
        f.put("consume_ratio_vs_kafka", 0.5);
        f.put("end_to_end_ratio", endToEndRatio);
        f.put("peak_rss_mb", rss);
        f.put("bare_flink_sequential_ratio", 1.6);
        f.put("peak_rss_tree_mb", rss + 100);
        return f;
    }
}
