package io.streamstress.runner.bench;

import io.streamstress.kafka.topic.KafkaUnavailableException;
import io.streamstress.kafka.topic.TopicAdmin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One round: every contestant once, in this order, each on fresh topics of the same broker:
 * ProducerPerformance; our load producer alone (its topic is then the preloaded topic); ConsumerPerformance
 * and the bare Flink job reading that topic; streamstress with {@code --preload} (its job's time is the
 * consume phase alone); streamstress end to end. Yields every raw figure and the round's ratios.
 */
final class BenchRound {

    private final BenchSettings settings;
    private final Contestants contestants;
    private final TopicAdmin admin;
    private final PrintStream out;
    private final int round;
    private final Map<String, Double> f = new LinkedHashMap<>();
    private final Path dir;
    private final ProcessRunner runner;

    /** Round {@code round} (from 1); its contestants' command lines and outputs go to {@code round-N} of the work dir. */
    BenchRound(BenchSettings settings, Contestants contestants, TopicAdmin admin, PrintStream out, int round)
            throws IOException {
        this.settings = settings;
        this.contestants = contestants;
        this.admin = admin;
        this.out = out;
        this.round = round;
        this.dir = Files.createDirectories(settings.workDir().resolve("round-" + round));
        this.runner = new ProcessRunner(dir, Bench.STEP_TIMEOUT);
    }

    /** Runs the round (once) and returns its figures, named as in {@code bench-result.json}. */
    Map<String, Double> run() throws IOException, InterruptedException, KafkaUnavailableException {
        String r = "r" + round;
        List<String> topics = new ArrayList<>();

        String perfTopic = topic("bench-producer-perf-" + r, topics);
        measure("Kafka ProducerPerformance", "producer-perf", "kafka_producer_perf",
                contestants.producerPerformance(perfTopic, contestants.writeProducerConfig(dir.resolve("producer.properties"))),
                ToolOutput::producerPerformance, "records/s as it reports them");

        String loadTopic = topic("bench-load-" + r, topics);
        measure("streamstress load producer (produce-messages)", "load-producer", "load_producer",
                contestants.loadProducer(loadTopic), ToolOutput::loadProducer, "first send → last acknowledgement");

        Map<String, String> consumerFigures = new HashMap<>();
        ToolOutput.Throughput cpRate = measure("Kafka ConsumerPerformance", "consumer-perf", "kafka_consumer_perf",
                contestants.consumerPerformance(loadTopic, "bench-consumer-perf-" + r), output -> {
                    consumerFigures.putAll(ToolOutput.consumerPerformance(output));
                    return ToolOutput.consumerThroughput(consumerFigures);
                }, "nMsg.sec, group join included");
        f.put("kafka_consumer_perf_fetch_records_per_s", Double.parseDouble(consumerFigures.get("fetch.nMsg.sec")));
        expectAll("ConsumerPerformance", cpRate.records());

        ToolOutput.Throughput bareRate = measure("bare Flink job (KafkaSource → discarding sink)", "bare-flink",
                "bare_flink", contestants.bareFlinkJob(loadTopic), ToolOutput::bareFlink, "job submitted → finished");
        expectAll("the bare Flink job", bareRate.records());

        // streamstress creates its own topics (and fails on an existing one).
        String consumeTopic = named("bench-consume-" + r, topics);
        StressRunFigures consume = stress("streamstress consume phase (--preload)", "consume-phase", consumeTopic, true,
                "consume_phase");
        f.put("consume_phase_records_per_s", consume.jobRecordsPerSecond());
        f.put("consume_phase_job_s", consume.jobMs() / 1000.0);

        String e2eTopic = named("bench-end-to-end-" + r, topics);
        StressRunFigures e2e = stress("streamstress end to end", "end-to-end", e2eTopic, false, "end_to_end");
        f.put("end_to_end_pipeline_s", e2e.pipelineMs() / 1000.0);
        f.put("end_to_end_records_per_s", e2e.pipelineRecordsPerSecond());

        admin.deleteTopics(topics);

        f.put("producer_ratio", f.get("load_producer_records_per_s") / f.get("kafka_producer_perf_records_per_s"));
        f.put("consume_ratio_vs_flink", f.get("consume_phase_records_per_s") / f.get("bare_flink_records_per_s"));
        f.put("consume_ratio_vs_kafka", f.get("consume_phase_records_per_s") / f.get("kafka_consumer_perf_records_per_s"));
        f.put("end_to_end_ratio", f.get("end_to_end_wall_s")
                / (f.get("kafka_producer_perf_wall_s") + f.get("kafka_consumer_perf_wall_s")));
        // A reference for end_to_end_ratio: Flink as the consumer, without streamstress and without overlap.
        f.put("bare_flink_sequential_ratio", (f.get("kafka_producer_perf_wall_s") + f.get("bare_flink_wall_s"))
                / (f.get("kafka_producer_perf_wall_s") + f.get("kafka_consumer_perf_wall_s")));
        f.put("peak_rss_mb", f.get("end_to_end_peak_rss_mb"));
        f.put("peak_rss_tree_mb", f.get("end_to_end_peak_rss_tree_mb"));
        return f;
    }

    /**
     * Runs a contestant that reports its own rate on stdout; records its process figures and
     * {@code <key>_records_per_s}.
     */
    private ToolOutput.Throughput measure(String label, String name, String key, List<String> command,
            Function<String, ToolOutput.Throughput> figures, String basis) throws IOException, InterruptedException {
        ProcessRun run = step(label, name, command);
        ToolOutput.Throughput rate = figures.apply(run.output());
        process(key, run);
        f.put(key + "_records_per_s", rate.perSecond());
        done(run, rate.perSecond(), basis);
        return rate;
    }

    private StressRunFigures stress(String label, String name, String topic, boolean preload, String key)
            throws IOException, InterruptedException {
        Path reportDir = dir.resolve(name + "-report");
        ProcessRun run = step(label, name, contestants.streamstress(topic, preload, reportDir));
        StressRunFigures figures = StressRunFigures.read(reportDir);
        if (!"PASS".equals(figures.verdict())) {
            throw new IOException(label + " did not PASS (verdict " + figures.verdict() + "): see " + reportDir);
        }
        process(key, run);
        double rate = preload ? figures.jobRecordsPerSecond() : figures.pipelineRecordsPerSecond();
        done(run, rate, preload ? "job submitted → all committed" : "first send → all committed");
        return figures;
    }

    private ProcessRun step(String label, String name, List<String> command) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "  %-48s … ", label);
        out.flush();
        ProcessRun run = runner.run(label, name, command);
        if (run.exitCode() != 0) {
            out.println("FAILED");
            throw new IOException(String.format("%s exited with %d: %s (its output: %s)", label, run.exitCode(),
                    run.lastErrorLine(), dir));
        }
        return run;
    }

    private void done(ProcessRun run, double perSecond, String basis) {
        out.printf(Locale.ROOT, "%,11.0f rec/s  wall %6.1f s  peak RSS %,6.0f MB  (%s)%n", perSecond, run.wallSeconds(),
                run.peakRssMb(), basis);
    }

    private void expectAll(String who, long records) throws IOException {
        if (records != settings.messages()) {
            throw new IOException(String.format("%s read %,d records, not %,d", who, records, settings.messages()));
        }
    }

    private String topic(String name, List<String> topics) throws KafkaUnavailableException, InterruptedException {
        admin.createTopic(name, settings.partitions(), (short) 1);
        topics.add(name);
        return name;
    }

    private static String named(String name, List<String> topics) {
        topics.add(name);
        return name;
    }

    private void process(String key, ProcessRun run) {
        f.put(key + "_wall_s", run.wallSeconds());
        f.put(key + "_peak_rss_mb", run.peakRssMb());
        f.put(key + "_peak_rss_tree_mb", run.peakRssTreeMb());
    }
}
