package io.streamstress.runner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench.sh --scale}: streamstress as users run it ({@code java -jar stress.jar --messages M}, embedded
 * broker, Redis and MiniCluster) at growing M. Time should grow linearly with M and the peak RSS stay flat.
 */
public final class ScaleBench {

    /** The run the others' memory is compared with, when it is one of them. */
    static final long REFERENCE_MESSAGES = 10_000_000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BenchSettings settings;
    private final PrintStream out;

    public ScaleBench(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public List<Map<String, Double>> run(Path output) throws IOException, InterruptedException {
        ProcessRunner runner = new ProcessRunner(settings.workDir(), Bench.STEP_TIMEOUT.multipliedBy(4));
        List<Map<String, Double>> runs = new ArrayList<>();
        for (long messages : settings.scaleMessages()) {
            String name = "scale-" + messages;
            Path reportDir = settings.workDir().resolve(name + "-report");
            out.printf(Locale.ROOT, "  streamstress --messages %,d (embedded broker, Redis, MiniCluster) … ", messages);
            out.flush();
            ProcessRun run = runner.run("streamstress --messages " + messages, name,
                    Contestants.standalone(settings, messages, reportDir));
            StressRunFigures figures = StressRunFigures.read(reportDir);
            if (run.exitCode() != 0 || !"PASS".equals(figures.verdict())) {
                out.println("FAILED");
                throw new IOException(String.format("streamstress --messages %d exited with %d, verdict %s: see %s",
                        messages, run.exitCode(), figures.verdict(), reportDir));
            }
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("messages", (double) messages);
            f.put("wall_s", run.wallSeconds());
            f.put("pipeline_s", figures.pipelineMs() / 1000.0);
            f.put("records_per_s", figures.pipelineRecordsPerSecond());
            f.put("seconds_per_million", run.wallSeconds() / (messages / 1e6));
            f.put("peak_rss_mb", run.peakRssMb());
            f.put("peak_rss_tree_mb", run.peakRssTreeMb());
            runs.add(f);
            out.printf(Locale.ROOT, "wall %.1f s, %,.0f msg/s, peak RSS %,.0f MB%n", run.wallSeconds(),
                    figures.pipelineRecordsPerSecond(), run.peakRssMb());
        }
        double reference = runs.stream().filter(f -> f.get("messages") == REFERENCE_MESSAGES).findFirst()
                .orElse(runs.get(0)).get("peak_rss_mb");
        runs.forEach(f -> f.put("peak_rss_vs_reference", f.get("peak_rss_mb") / reference));
        print(runs);
        write(runs, output);
        out.printf(Locale.ROOT, "%nWrote %s%n", output);
        return runs;
    }

    private void print(List<Map<String, Double>> runs) {
        out.println();
        out.printf(Locale.ROOT, "%d cores, Java %s; peak RSS is the largest process (the worker JVM)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "%14s %10s %12s %12s %12s %12s %10s%n", "messages", "wall s", "pipeline s", "msg/s",
                "s per 1 M", "peak RSS MB", "RSS ratio");
        for (Map<String, Double> f : runs) {
            out.printf(Locale.ROOT, "%,14.0f %10.1f %12.1f %,12.0f %12.2f %,12.0f %10.2f%n", f.get("messages"),
                    f.get("wall_s"), f.get("pipeline_s"), f.get("records_per_s"), f.get("seconds_per_million"),
                    f.get("peak_rss_mb"), f.get("peak_rss_vs_reference"));
        }
    }

    private void write(List<Map<String, Double>> runs, Path output) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("referenceMessages", runs.stream().anyMatch(f -> f.get("messages") == REFERENCE_MESSAGES)
                ? REFERENCE_MESSAGES : runs.get(0).get("messages").longValue());
        root.putObject("environment").put("cores", Runtime.getRuntime().availableProcessors())
                .put("java", System.getProperty("java.version"));
        ArrayNode array = root.putArray("scale");
        runs.forEach(f -> {
            ObjectNode node = array.addObject();
            f.forEach(node::put);
            node.put("messages", f.get("messages").longValue());
        });
        Files.createDirectories(output.toAbsolutePath().getParent());
        JSON.writeValue(output.toFile(), root);
    }
}
