package io.streamstress.runner.cli;

import io.streamstress.runner.bench.Bench;
import io.streamstress.runner.bench.BenchSettings;
import io.streamstress.runner.bench.Jdk;
import io.streamstress.runner.bench.ScaleBench;
import io.streamstress.runner.infra.RunDirectory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stress-scripts/bench.sh}: streamstress side by side with Kafka's perf tools and a bare Flink job on
 * one embedded broker ({@code bench-result.json}), or at growing sizes ({@code --scale}).
 */
@Command(name = "bench.sh", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
            "Measures streamstress against Kafka's ProducerPerformance and ConsumerPerformance and a bare Flink job "
                    + "(KafkaSource → discarding sink), all on one embedded broker, each in its own JVM, for K rounds; "
                    + "prints a table and writes the medians and every raw figure as JSON.",
            "With --scale: streamstress alone on its embedded defaults at growing message counts (wall time, msg/s, "
                    + "peak RSS).", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every contestant ran (goals are reported, not enforced)",
            "1:a contestant failed or a streamstress run did not PASS", "2:usage error"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--messages"}, defaultValue = "" + BenchSettings.DEFAULT_MESSAGES, paramLabel = "N",
            description = "Records per contestant and round (default: ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = {"-k", "--rounds"}, defaultValue = "" + BenchSettings.DEFAULT_ROUNDS, paramLabel = "K",
            description = "Rounds; the result is the median (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--record-size", defaultValue = "100", paramLabel = "BYTES",
            description = "Bytes per record, for every contestant (default: ${DEFAULT-VALUE}).")
    int recordSize;

    @Option(names = "--partitions", defaultValue = "20", paramLabel = "N",
            description = "Partitions of every topic and parallelism of both jobs (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--task-managers", defaultValue = "20", paramLabel = "N",
            description = "TaskManagers of both jobs' MiniClusters (default: ${DEFAULT-VALUE}).")
    int taskManagers;

    @Option(names = "--slots-per-task-manager", defaultValue = "1", paramLabel = "N",
            description = "Slots per TaskManager (default: ${DEFAULT-VALUE}).")
    int slots;

    @Option(names = "--checkpoint-interval", defaultValue = StressCommand.DEFAULT_CHECKPOINT_INTERVAL,
            paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Checkpoint interval of both jobs (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--output", defaultValue = "bench-result.json", paramLabel = "FILE",
            description = "Where the result goes (default: ${DEFAULT-VALUE}; with --scale: bench-scale.json).")
    Path output;

    @Option(names = "--scale", defaultValue = "false",
            description = "Run streamstress alone at each --scale-messages count instead (default: ${DEFAULT-VALUE}).")
    boolean scale;

    @Option(names = "--scale-messages", defaultValue = "1000000,10000000,100000000", split = ",", paramLabel = "N,N,…",
            description = "Message counts of --scale (default: ${DEFAULT-VALUE}).")
    List<Long> scaleMessages;

    @Option(names = "--java", paramLabel = "PATH",
            description = "A JDK (its home or its java) to run every contestant on, all the rounds; repeat it to "
                    + "measure several side by side (default: the JDK running this).")
    List<Path> javas;

    @Option(names = "--stress-jar", paramLabel = "JAR", description = "The jar to measure (default: the one running).")
    Path stressJar;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Broker data and every contestant's output; kept (default: a temp dir, removed after a "
                    + "successful run).")
    Path workDir;

    private final PrintStream out;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(CommandLines.of(new BenchCommand(System.out), "bench.sh", System.out, System.err, () -> false)
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        boolean tempDir = workDir == null;
        Path dir = tempDir ? Files.createTempDirectory("streamstress-bench") : Files.createDirectories(workDir);
        BenchSettings settings;
        try {
            settings = new BenchSettings(messages, rounds, recordSize, partitions, taskManagers, slots,
                    checkpointInterval, scaleMessages, stressJar != null ? stressJar : WorkerJvm.runningJar().orElseThrow(() ->
                            new ParameterException(spec.commandLine(), "not run from stress.jar: give --stress-jar PATH")),
                    ProduceCommand.class.getName(), dir,
                    javas == null ? List.of(Jdk.current()) : javas.stream().map(Jdk::at).toList());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean passed = false;
        try {
            if (scale) {
                Path file = spec.commandLine().getParseResult().hasMatchedOption("--output") ? output
                        : Path.of("bench-scale.json");
                new ScaleBench(settings, out).run(file.toAbsolutePath());
            } else {
                new Bench(settings, out).run(output.toAbsolutePath());
            }
            passed = true;
            return ExitCodes.PASS;
        } finally {
            if (passed && tempDir) {
                RunDirectory.existing(dir, "bench").delete();
            } else if (!passed) {
                spec.commandLine().getErr().println("bench.sh: outputs of every contestant kept in " + dir);
            }
        }
    }
}
