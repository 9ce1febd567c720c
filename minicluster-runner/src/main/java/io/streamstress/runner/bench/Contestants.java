package io.streamstress.runner.bench;

import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.PartitionPlan;
import io.streamstress.kafka.producer.ProducerSettings;
import io.streamstress.runner.infra.JvmDefaults;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The command line of every contestant. Each runs in its own JVM. Kafka's tools and our load producer get
 * the JVM options of Kafka's own {@code kafka-*-perf-test.sh} scripts ({@code -Xmx512M} and
 * {@code kafka-run-class.sh}'s G1 settings); streamstress runs as users run it ({@code java -jar}, which
 * starts its worker with {@link JvmDefaults}); the bare Flink job gets the same JVM options. Every JVM also
 * gets {@link JvmDefaults#quietOptions(int)} for its JDK, which change no behaviour, only keep newer JDKs' warnings
 * out. Every contestant runs on the same {@link Jdk}.
 */
final class Contestants {

    /** {@code kafka-producer-perf-test.sh}: KAFKA_HEAP_OPTS, then kafka-run-class.sh's KAFKA_JVM_PERFORMANCE_OPTS. */
    static final List<String> KAFKA_TOOL_JVM = List.of("-Xmx512M", "-server", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent", "-XX:MaxInlineLevel=15",
            "-Djava.awt.headless=true");
    /** The bare Flink job's JVM: the options streamstress's worker JVM runs with. */
    static final List<String> FLINK_JOB_JVM = JvmDefaults.options();
    private final BenchSettings settings;
    private final String bootstrap;
    /** The java every contestant runs on. */
    private final String java;
    /** What keeps that JDK from warning about native access and {@code Unsafe} (every contestant's JVM gets it). */
    private final List<String> quiet;

    Contestants(BenchSettings settings, String bootstrap, Jdk jdk) {
        this.settings = settings;
        this.bootstrap = bootstrap;
        this.java = jdk.java().toString();
        this.quiet = JvmDefaults.quietOptions(jdk.feature());
    }

    /**
     * Writes the producer configuration of our load producer, less what ProducerPerformance sets itself
     * (bootstrap servers, serializers, client id), for {@code --command-config}.
     */
    Path writeProducerConfig(Path file) throws IOException {
        Properties ours = LoadProducer.producerProperties(
                ProducerSettings.of(bootstrap, "any", new PartitionPlan(settings.messages(), settings.partitions()))
                        .withRecordSize(settings.recordSize()));
        Properties config = new Properties();
        ours.forEach((key, value) -> config.setProperty(key.toString(), value.toString()));
        List.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ProducerConfig.CLIENT_ID_CONFIG).forEach(config::remove);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            config.store(out, "streamstress's load producer settings, for ProducerPerformance");
        }
        return file;
    }

    List<String> producerPerformance(String topic, Path producerConfig) {
        return kafkaTool("org.apache.kafka.tools.ProducerPerformance", "--bootstrap-server", bootstrap, "--topic", topic,
                "--num-records", Long.toString(settings.messages()), "--record-size", Integer.toString(settings.recordSize()),
                "--throughput", "-1", "--command-config", producerConfig.toString());
    }

    List<String> loadProducer(String topic) {
        return kafkaTool(settings.produceMain(), "--bootstrap-servers", bootstrap, "--topic", topic,
                "--messages", Long.toString(settings.messages()), "--partitions", Integer.toString(settings.partitions()),
                "--record-size", Integer.toString(settings.recordSize()));
    }

    List<String> consumerPerformance(String topic, String group) {
        return kafkaTool("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap, "--topic", topic,
                "--num-records", Long.toString(settings.messages()), "--group", group, "--timeout", "60000");
    }

    List<String> bareFlinkJob(String topic) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(FLINK_JOB_JVM);
        command.addAll(quiet);
        command.addAll(List.of("-cp", settings.stressJar().toString(), BareFlinkJob.class.getName(), bootstrap, topic, Long.toString(settings.messages()), Integer.toString(settings.taskManagers()),
                Integer.toString(settings.slotsPerTaskManager()), Long.toString(settings.checkpointInterval().toMillis())));
        return command;
    }

    /** streamstress, exactly-once, no chaos, on the bench's broker; {@code preload} produces before the job starts. */
    List<String> streamstress(String topic, boolean preload, Path reportDir) {
        List<String> command = new ArrayList<>(List.of(java, "-jar", settings.stressJar().toString(),
                "--messages", Long.toString(settings.messages()), "--partitions", Integer.toString(settings.partitions()),
                "--record-size", Integer.toString(settings.recordSize()),
                "--task-managers", Integer.toString(settings.taskManagers()),
                "--slots-per-task-manager", Integer.toString(settings.slotsPerTaskManager()),
                "--checkpoint-interval", settings.checkpointInterval().toMillis() + "ms",
                "--bootstrap-servers", bootstrap, "--topic", topic, "--group-id", topic,
                "--report-dir", reportDir.toString()));
        if (preload) {
            command.add("--preload");
        }
        return command;
    }

    /** streamstress on its embedded defaults (broker, Redis, MiniCluster in its own process), for the scale run. */
    static List<String> standalone(BenchSettings settings, long messages, Path reportDir) {
        return List.of(settings.jdks().get(0).java().toString(), "-jar", settings.stressJar().toString(), "--messages", Long.toString(messages),
                "--report-dir", reportDir.toString());
    }

    private List<String> kafkaTool(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(KAFKA_TOOL_JVM);
        command.addAll(quiet);
        command.add("-cp");
        command.add(settings.stressJar().toString());
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }
}
