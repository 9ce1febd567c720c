package io.streamstress.runner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The benchmark's table and {@code bench-result.json}: the four ratios and the peak RSS as medians over the
 * rounds (each round's ratio is taken from figures of that round, then the median of those), with every raw
 * figure of every round behind them.
 */
final class BenchReport {

    static final List<String> RATIOS = List.of("producer_ratio", "consume_ratio_vs_flink", "consume_ratio_vs_kafka",
            "end_to_end_ratio");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A line of the table: a figure of every round. */
    private record Row(String contestant, String what, String key, String format) {}

    private static final List<Row> ROWS = List.of(
            new Row("Kafka ProducerPerformance", "rec/s", "kafka_producer_perf_records_per_s", "%,.0f"),
            new Row("", "wall s", "kafka_producer_perf_wall_s", "%.1f"),
            new Row("streamstress load producer", "rec/s", "load_producer_records_per_s", "%,.0f"),
            new Row("", "wall s", "load_producer_wall_s", "%.1f"),
            new Row("Kafka ConsumerPerformance", "rec/s", "kafka_consumer_perf_records_per_s", "%,.0f"),
            new Row("", "wall s", "kafka_consumer_perf_wall_s", "%.1f"),
            new Row("bare Flink job", "rec/s", "bare_flink_records_per_s", "%,.0f"),
            new Row("", "wall s", "bare_flink_wall_s", "%.1f"),
            new Row("streamstress consume phase", "rec/s", "consume_phase_records_per_s", "%,.0f"),
            new Row("", "job s", "consume_phase_job_s", "%.1f"),
            new Row("streamstress end to end", "wall s", "end_to_end_wall_s", "%.1f"),
            new Row("", "rec/s", "end_to_end_records_per_s", "%,.0f"),
            new Row("", "peak RSS MB", "end_to_end_peak_rss_mb", "%,.0f"),
            new Row("", "tree RSS MB", "end_to_end_peak_rss_tree_mb", "%,.0f"));

    private BenchReport() {}

    static void printTable(BenchSettings settings, Jdk jdk, List<Map<String, Double>> rounds, PrintStream out) {
        Map<String, Double> medians = Medians.byName(rounds);
        out.println();
        out.printf(Locale.ROOT, "%,d records × %d B, %d partitions, %d TaskManagers × %d slot(s), %d round(s); "
                        + "%d cores, every contestant on Java %s%n", settings.messages(), settings.recordSize(),
                settings.partitions(), settings.taskManagers(), settings.slotsPerTaskManager(), rounds.size(),
                Runtime.getRuntime().availableProcessors(), jdk.version());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s %-12s", "contestant", "figure"));
        for (int i = 1; i <= rounds.size(); i++) {
            header.append(String.format(Locale.ROOT, " %12s", "round " + i));
        }
        out.println(header.append(String.format(Locale.ROOT, " %12s", "median")));
        for (Row row : ROWS) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s %-12s", row.contestant(), row.what()));
            for (Map<String, Double> round : rounds) {
                line.append(String.format(Locale.ROOT, " %12s", String.format(Locale.ROOT, row.format(), round.get(row.key()))));
            }
            out.println(line.append(String.format(Locale.ROOT, " %12s",
                    String.format(Locale.ROOT, row.format(), medians.get(row.key())))));
        }
        out.println();
        out.printf(Locale.ROOT, "%-28s %10s %10s  %s%n", "median of the rounds", "value", "goal", "");
        for (String ratio : RATIOS) {
            out.println(goalLine(ratio, medians.get(ratio), "%.3f"));
        }
        out.println(goalLine("peak_rss_mb", medians.get("peak_rss_mb"), "%.0f"));
        out.println(goalLine("bare_flink_sequential_ratio", medians.get("bare_flink_sequential_ratio"), "%.3f")
                + "(ProducerPerformance, then the bare Flink job: Flink as the consumer, no overlap)");
    }

    private static String goalLine(String figure, double value, String format) {
        String goal = "";
        String verdict = "";
        for (Target target : Target.GOALS) {
            if (target.figure().equals(figure)) {
                goal = target.describe();
                verdict = target.met(value) ? "met" : "MISSED";
            }
        }
        return String.format(Locale.ROOT, "%-28s %10s %10s  %s", figure, String.format(Locale.ROOT, format, value), goal,
                verdict);
    }

    /** Every ratio's median on each JDK, a column per JDK. */
    static void printSideBySide(Map<Jdk, List<Map<String, Double>>> byJdk, PrintStream out) {
        out.println();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s", "median of the rounds"));
        byJdk.keySet().forEach(jdk -> header.append(String.format(Locale.ROOT, " %12s", "Java " + jdk.version())));
        out.println(header.append(String.format(Locale.ROOT, " %10s", "goal")));
        List<String> figures = new ArrayList<>(RATIOS);
        figures.add("peak_rss_mb");
        for (String figure : figures) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", figure));
            String goal = "";
            for (List<Map<String, Double>> rounds : byJdk.values()) {
                double value = Medians.byName(rounds).get(figure);
                String verdict = "";
                for (Target target : Target.GOALS) {
                    if (target.figure().equals(figure)) {
                        goal = target.describe();
                        verdict = target.met(value) ? "" : " ✗";
                    }
                }
                line.append(String.format(Locale.ROOT, " %12s",
                        String.format(Locale.ROOT, figure.equals("peak_rss_mb") ? "%.0f" : "%.3f", value) + verdict));
            }
            out.println(line.append(String.format(Locale.ROOT, " %10s", goal)));
        }
    }

    /**
     * The result of one JDK's rounds at the top level (the first JDK's, when there are several), and every JDK's
     * under {@code jdks}, each in the same form.
     */
    static ObjectNode toJson(BenchSettings settings, Map<Jdk, List<Map<String, Double>>> byJdk) {
        Map.Entry<Jdk, List<Map<String, Double>>> first = byJdk.entrySet().iterator().next();
        ObjectNode root = toJson(settings, first.getKey(), first.getValue());
        var jdks = root.putArray("jdks");
        byJdk.forEach((jdk, rounds) -> jdks.add(toJson(settings, jdk, rounds)));
        return root;
    }

    static ObjectNode toJson(BenchSettings settings, Jdk jdk, List<Map<String, Double>> rounds) {
        Map<String, Double> medians = Medians.byName(rounds);
        ObjectNode root = JSON.createObjectNode();
        for (String ratio : RATIOS) {
            root.put(ratio, medians.get(ratio));
        }
        root.put("peak_rss_mb", medians.get("peak_rss_mb"));
        root.put("peak_rss_tree_mb", medians.get("peak_rss_tree_mb"));
        root.put("bare_flink_sequential_ratio", medians.get("bare_flink_sequential_ratio"));
        ObjectNode goals = root.putObject("goals");
        for (Target target : Target.GOALS) {
            goals.putObject(target.figure()).put("bound", target.bound()).put("atLeast", target.atLeast())
                    .put("met", target.met(medians.get(target.figure())));
        }
        root.putObject("settings").put("messages", settings.messages()).put("rounds", settings.rounds())
                .put("recordSize", settings.recordSize()).put("partitions", settings.partitions())
                .put("taskManagers", settings.taskManagers()).put("slotsPerTaskManager", settings.slotsPerTaskManager())
                .put("checkpointIntervalMs", settings.checkpointInterval().toMillis())
                .put("kafkaToolJvm", String.join(" ", Contestants.KAFKA_TOOL_JVM))
                .put("flinkJobJvm", String.join(" ", Contestants.FLINK_JOB_JVM));
        root.putObject("environment").put("cores", Runtime.getRuntime().availableProcessors())
                .put("java", jdk.version()).put("javaHome", jdk.java().toAbsolutePath().getParent().getParent().toString())
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .put("kafka", AppInfoParser.getVersion()).put("flink", EnvironmentInformation.getVersion());
        ObjectNode medianNode = root.putObject("medians");
        medians.forEach(medianNode::put);
        var raw = root.putArray("rounds");
        rounds.forEach(round -> {
            ObjectNode node = raw.addObject();
            round.forEach(node::put);
        });
        return root;
    }

    static void writeJson(BenchSettings settings, Map<Jdk, List<Map<String, Double>>> byJdk, Path file)
            throws IOException {
        JSON.writeValue(file.toFile(), toJson(settings, byJdk));
    }
}
