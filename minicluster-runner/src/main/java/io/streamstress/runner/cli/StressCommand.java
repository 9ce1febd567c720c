package io.streamstress.runner.cli;

import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.FaultPlan;
import io.streamstress.chaos.plan.ServerRole;
import io.streamstress.checkpoints.StateBackendKind;
import io.streamstress.kafka.broker.FatalHalt;
import io.streamstress.kafka.client.KafkaClientProperties;
import io.streamstress.kafka.producer.TrafficPattern;
import io.streamstress.kafka.record.StressRecordCodec;
import io.streamstress.redis.client.RedisUris;
import io.streamstress.runner.chaos.PoisonPlan;
import io.streamstress.runner.chaos.ResumedFault;
import io.streamstress.runner.config.ChaosSettings;
import io.streamstress.runner.config.ClusterChoice;
import io.streamstress.runner.config.Delivery;
import io.streamstress.runner.config.InfraSettings;
import io.streamstress.runner.config.KafkaSettings;
import io.streamstress.runner.config.StressConfig;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.Logging;
import io.streamstress.runner.infra.RunDirectory;
import io.streamstress.runner.infra.RunSettings;
import io.streamstress.runner.infra.cluster.ClusterKind;
import io.streamstress.runner.infra.cluster.rest.ClusterVersionMismatchException;
import io.streamstress.runner.report.Report;
import io.streamstress.runner.report.ReportWriter;
import io.streamstress.runner.run.RunOutcome;
import io.streamstress.runner.run.StressRun;
import io.streamstress.runner.run.VerdictPrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code java -jar stress.jar}: the one command. */
@Command(
        name = "stress.jar",
        mixinStandardHelpOptions = true,
        version = "streamstress 0.1.0",
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Produces messages into Kafka, counts them with a Flink job into Redis exactly once while faults "
                    + "are injected, and verifies the count independently. Embedded Kafka, Redis and Flink by default.",
            ""
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check passed",
            "1:harness error: the run could not be verified (a server did not start or answer)",
            "2:usage error",
            "3:the run was verified and a check failed (loss, duplicates, a failed job, time limit)"
        },
        footer = {"", "stress.jar verify --bootstrap-servers … --topic … --redis-uri … --run-id … checks the count of "
                + "a job that ran elsewhere (flink run … StressJobMain); see stress.jar verify --help."})
public final class StressCommand implements Callable<Integer> {

    static final String DEFAULT_CHECKPOINT_INTERVAL = "1s";
    static final String DEFAULT_MAX_TIME = "30m";
    static final String DEFAULT_STALL = "5s";
    static final String DEFAULT_REPORT_DIR = "stress-report";
    /** External servers must answer within this, so that an unreachable one is reported within 30 s. */
    static final String DEFAULT_CONNECT_TIMEOUT = "20s";

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", defaultValue = "" + StressConfig.DEFAULT_MESSAGES, paramLabel = "N",
            description = "Messages to produce and count (default: ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = "--partitions", defaultValue = "" + StressConfig.DEFAULT_PARTITIONS, paramLabel = "N",
            description = "Topic partitions; the job runs one subtask per partition (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--record-size", defaultValue = "" + StressConfig.DEFAULT_RECORD_SIZE, paramLabel = "BYTES",
            description = "Bytes per record, at least " + StressRecordCodec.HEADER_BYTES + " (default: ${DEFAULT-VALUE}).")
    int recordSize;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "MSG/S",
            description = "Producer rate cap in messages per second, 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--traffic-pattern", defaultValue = "none", paramLabel = "START-END:RATE[,…]",
            description = "Shape the offered load over time, e.g. 0s-30s:5000,30s-60s:300%%,60s-90s:burst: a rate in "
                    + "msg/s, a share of --rate, or burst (no limit); --rate applies outside the windows "
                    + "(default: ${DEFAULT-VALUE}).")
    String trafficPattern;

    @Option(names = "--preload", defaultValue = "false",
            description = "Produce everything before the job starts, instead of while it runs (default: ${DEFAULT-VALUE}).")
    boolean preload;

    @Option(names = "--cluster", defaultValue = ClusterChoice.EMBEDDED, paramLabel = "embedded|local|docker|URL",
            description = "Where the job runs: embedded (a MiniCluster in this JVM), local (a JobManager and "
                    + "TaskManager JVMs this jar starts, plus a spare TaskManager; taskmanager-kill and "
                    + "taskmanager-freeze need it), docker (the same, each in its own container, with --infra docker) "
                    + "or the REST URL of your own Flink 2.2 session "
                    + "cluster, e.g. http://127.0.0.1:8081 (default: ${DEFAULT-VALUE}).")
    String cluster;

    @Option(names = "--task-managers", defaultValue = "" + StressConfig.DEFAULT_TASK_MANAGERS, paramLabel = "N",
            description = "TaskManagers of the embedded, local or docker cluster (default: ${DEFAULT-VALUE}).")
    int taskManagers;

    @Option(names = "--slots-per-task-manager", defaultValue = "" + StressConfig.DEFAULT_SLOTS_PER_TASK_MANAGER, paramLabel = "N",
            description = "Slots per TaskManager (default: ${DEFAULT-VALUE}).")
    int slotsPerTaskManager;

    @Option(names = "--checkpoint-interval", defaultValue = DEFAULT_CHECKPOINT_INTERVAL, paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Time between checkpoints, e.g. 500ms, 1s (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--state-backend", defaultValue = "hashmap", paramLabel = "hashmap|rocksdb",
            description = "Flink state backend (default: ${DEFAULT-VALUE}).")
    String stateBackend;

    @Option(names = "--delivery", defaultValue = "exactly-once", paramLabel = "exactly-once|at-least-once|at-most-once",
            description = "Sink guarantee. at-least-once and at-most-once are negative controls that must FAIL "
                    + "under chaos: at-least-once increments Redis as records arrive (replays counted twice), "
                    + "at-most-once marks records handled before their counts are committed (a failure loses "
                    + "them) (default: ${DEFAULT-VALUE}).")
    String delivery;

    @Option(names = "--chaos", defaultValue = "none", paramLabel = "FAULT[,FAULT…]",
            description = "Faults to inject, comma separated: KIND, KIND@30s (since the first record), KIND@40%% "
                    + "(of the messages committed) or random:N. Kinds: task-exception, taskmanager-stop, "
                    + "taskmanager-kill, taskmanager-freeze (--cluster local), redis-stall, redis-restart, broker-restart, "
                    + "process-kill, poison, rescale, rollback, redis-reply-lost, redis-blackhole, redis-reset, "
                    + "kafka-blackhole, kafka-latency, kafka-reset, jobmanager-failover, broker-leader-kill (--brokers 3); "
                    + "with --infra docker container-kill, container-pause, network-partition and network-delay, each "
                    + "on a server named after a colon (container-kill:kafka; with --cluster docker also :taskmanager, "
                    + "the default there, else redis) (default: ${DEFAULT-VALUE}).")
    String chaos;

    @Option(names = "--stall", defaultValue = DEFAULT_STALL, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long redis-stall pauses Redis, taskmanager-freeze freezes a TaskManager, a blackhole "
                    + "hangs the job's traffic and kafka-latency lasts (default: ${DEFAULT-VALUE}).")
    Duration stall;

    @Option(names = "--rescale-to", defaultValue = "0", paramLabel = "N",
            description = "The parallelism a rescale fault restarts the job at (from a savepoint; a second rescale goes "
                    + "back), above the start's for a scale-up; 0 for half the start's (default: ${DEFAULT-VALUE}).")
    int rescaleTo;

    @Option(names = "--latency", defaultValue = "200ms", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The latency kafka-latency adds to the broker's replies to the job for --stall, with "
                    + "±25%% jitter (default: ${DEFAULT-VALUE}).")
    Duration latency;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Flink configuration for the MiniCluster and the job, e.g. -Drestart-strategy.type=none.")
    Map<String, String> flinkConfig = new LinkedHashMap<>();

    @Option(names = "--chaos-seed", defaultValue = "" + StressConfig.DEFAULT_CHAOS_SEED, paramLabel = "SEED",
            description = "Seed of the fault plan: the same seed gives the same plan (default: ${DEFAULT-VALUE}).")
    long chaosSeed;

    @Option(names = "--infra", defaultValue = "embedded", paramLabel = "embedded|docker",
            description = "Where the Kafka broker and Redis the run starts run: embedded (a KRaft broker in this JVM, "
                    + "redis-server a child process) or docker (each in its own container, through Testcontainers, on a "
                    + "Docker network of the run's; the container faults need it) (default: ${DEFAULT-VALUE}).")
    String infra;

    @Option(names = "--redis-image", defaultValue = InfraSettings.DEFAULT_REDIS_IMAGE, paramLabel = "IMAGE",
            description = "The image of the Redis container with --infra docker (redis-server on its path; "
                    + "stress-scripts/build-images.sh builds one where no registry is reachable) (default: ${DEFAULT-VALUE}).")
    String redisImage;

    @Option(names = "--jre-image", defaultValue = InfraSettings.DEFAULT_JRE_IMAGE, paramLabel = "IMAGE",
            description = "The image the broker's container runs this jar's own Kafka on with --infra docker (java 17+ "
                    + "on its path, and tc for network-delay) (default: ${DEFAULT-VALUE}).")
    String jreImage;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Use this Kafka instead of starting an embedded broker.")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties for every client of --bootstrap-servers the run and the job create "
                    + "(security.protocol, sasl.*, ssl.*), as Kafka's tools take them with --command-config.")
    Path kafkaConfig;

    @Option(names = "--brokers", defaultValue = "" + KafkaSettings.DEFAULT_BROKERS, paramLabel = "N",
            description = "Embedded Kafka brokers: 1, or 3 KRaft nodes in this process (each partition on 3 replicas, "
                    + "min.insync.replicas 2), whose partition leaders broker-leader-kill kills (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(names = "--replication-factor", defaultValue = "" + KafkaSettings.DEFAULT_REPLICATION_FACTOR,
            paramLabel = "N", description = "Replicas of each partition of the topic the run creates; 0 = as many as "
                    + "embedded brokers, or your brokers' default.replication.factor with --bootstrap-servers "
                    + "(default: ${DEFAULT-VALUE}).")
    int replicationFactor;

    @Option(names = "--redis-uri", paramLabel = "redis://[:PASSWORD@]HOST:PORT",
            description = "Use this Redis instead of starting an embedded one.")
    String redisUri;

    @Option(names = "--redis-cluster", paramLabel = "redis://[:PASSWORD@]HOST:PORT[,HOST:PORT…]",
            description = "Use this Redis Cluster instead of starting Redis: its seed nodes (rediss:// for TLS); every "
                    + "key of the run is under one hash tag, streamstress:{RUN_ID}.")
    String redisCluster;

    @Option(names = "--topic", paramLabel = "NAME",
            description = "Topic to create and use (default: stress-<run id>).")
    String topic;

    @Option(names = "--group-id", defaultValue = StressConfig.DEFAULT_GROUP_ID, paramLabel = "GROUP",
            description = "Consumer group the source commits offsets to on checkpoint (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "Directory for broker data, Redis AOF, checkpoints and the log (default: a fresh temp dir).")
    Path runDir;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Resume the run in RUN_DIR after its process died: servers restart on their data, the job "
                    + "restores its latest retained checkpoint, the producer sends the rest. Other options are the "
                    + "run's own unless given again.")
    Path resume;

    @Option(names = "--resumed-fault", hidden = true, description = "Set by the process-kill supervisor.")
    String resumedFault;

    @Option(names = "--expect-throughput", paramLabel = "MSG/S",
            description = "Judge the throughput scenario: the run must reach this many messages per second.")
    Long expectThroughput;

    @Option(names = "--expect-recovery", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Judge the recovery scenarios: no fault may take longer to recover from, e.g. 2s.")
    Duration expectRecovery;

    @Option(names = "--report-dir", defaultValue = DEFAULT_REPORT_DIR, paramLabel = "DIR",
            description = "Where stress-report.md and stress-report.json are written (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--metrics-port", defaultValue = "0", paramLabel = "PORT",
            description = "Serve the harness's Prometheus metrics on 127.0.0.1:PORT and Flink's own on PORT+1 while "
                    + "the run lasts; 0 = off (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--keep", defaultValue = "false",
            description = "Keep the run directory afterwards (default: ${DEFAULT-VALUE}).")
    boolean keep;

    @Option(names = "--max-time", defaultValue = DEFAULT_MAX_TIME, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time limit of the whole run; past it the run FAILs with what was verified (default: ${DEFAULT-VALUE}).")
    Duration maxTime;

    @Option(names = "--connect-timeout", defaultValue = DEFAULT_CONNECT_TIMEOUT, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for external Kafka or Redis to answer (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--verbose", defaultValue = "false",
            description = "Logs on stderr and stack traces with errors (default: ${DEFAULT-VALUE}).")
    boolean verbose;

    private final PrintStream out;
    private final PrintStream err;
    private final List<String> args;

    StressCommand(PrintStream out, PrintStream err, List<String> args) {
        this.out = out;
        this.err = err;
        this.args = List.copyOf(args);
    }


    /** Runs the command with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(String[] givenArgs, PrintStream out, PrintStream err) {
        if (VerifyCommand.isInvokedBy(givenArgs)) {
            return VerifyCommand.execute(VerifyCommand.ownArgs(givenArgs), out, err);
        }
        List<String> args;
        try {
            args = withResumedRunArgs(List.of(givenArgs));
        } catch (IllegalArgumentException | IOException e) {
            err.println("stress.jar: --resume: " + e.getMessage() + " (see --help)");
            return ExitCodes.USAGE;
        }
        StressCommand command = new StressCommand(out, err, args);
        CommandLine cli = CommandLines.of(command, "stress.jar", out, err, () -> command.verbose,
                Map.of("cluster", new ClusterCommand(out, err)));
        cli.setOverwrittenOptionsAllowed(true);
        return cli.execute(args.toArray(String[]::new));
    }

    /** With {@code --resume DIR}: the resumed run's own command line first, then what was given now. */
    private static List<String> withResumedRunArgs(List<String> given) throws IOException {
        int at = given.indexOf("--resume");
        String dir = at >= 0 && at + 1 < given.size() ? given.get(at + 1) : null;
        for (String arg : given) {
            if (arg.startsWith("--resume=")) {
                dir = arg.substring("--resume=".length());
            }
        }
        if (dir == null) {
            return given;
        }
        List<String> merged = new ArrayList<>(RunSettings.read(Path.of(dir)).args());
        merged.addAll(given);
        return merged;
    }

    @Override
    public Integer call() throws Exception {
        StressConfig config = config();
        Optional<ResumedFault> resumedAfter = resumedFault == null
                ? Optional.empty()
                : Optional.of(option("--resumed-fault", () -> ResumedFault.parse(resumedFault)));
        if (!WorkerJvm.isWorker()) {
            if (config.chaos().count(FaultKind.PROCESS_KILL) > 0) {
                return new Supervisor(args, Optional.ofNullable(runDir), out, err).run();
            }
            if (WorkerJvm.shouldRelaunch()) {
                return WorkerJvm.runToEnd(args, out, err);
            }
        }
        if (verbose) {
            System.setProperty("streamstress.console.level", "INFO");
        }
        Optional<RunSettings> resumed = resume == null ? Optional.empty() : Optional.of(RunSettings.read(resume));
        String originalTmp = System.getProperty("java.io.tmpdir");
        RunDirectory dir = resumed.isPresent()
                ? RunDirectory.existing(resume, resumed.get().runId())
                : RunDirectory.create(Optional.ofNullable(runDir));
        System.setProperty("java.io.tmpdir", dir.tmp().toString());
        Logging.start(dir.log());
        // Kafka halts its process on an embedded node's fatal error: one line says so, and the log keeps Kafka's error.
        PrintWriter halting = spec.commandLine().getErr();
        FatalHalt.beforeHalt(reason -> {
            halting.println("stress.jar: " + reason + " (Kafka's error and the run's data stay in " + dir.root() + ")");
            halting.flush();
            Logging.flush();
        });
        Console console = new Console(out);
        console.line("streamstress: %,d messages, %d partitions, %d TaskManager(s) × %d slot(s), %s, chaos %s",
                config.messages(), config.partitions(), config.taskManagers(), config.slotsPerTaskManager(),
                config.delivery(), config.chaos().describe());
        console.line("Run %s in %s", dir.runId(), dir.root());
        // Runs only when the JVM stops before the run ended (the finally below removes it otherwise).
        Thread cleanup = new Thread(() -> Interruption.handle(dir, keep, spec.commandLine().getErr()),
                "streamstress-interrupted");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            RunOutcome outcome = new StressRun(config, dir, console, args, resumed, resumedAfter).execute();
            if (keep) {
                console.line("Run directory kept: %s (log: %s)", dir.root(), dir.log());
            }
            Report report = Report.of(config, outcome);
            writeReport(report, console);
            VerdictPrinter.print(console, report);
            // The run was verified: whatever failed (a loss, a duplicate, a job that failed, the time limit),
            // the verdict says it with the figures. Exit 1 is for runs that could not be verified at all.
            return report.passed() ? ExitCodes.PASS : ExitCodes.INVARIANT_FAILED;
        } catch (ClusterVersionMismatchException e) {
            spec.commandLine().getErr().println("stress.jar: --cluster: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (HarnessException e) {
            if (Interruption.underway()) {
                return ExitCodes.HARNESS_ERROR;
            }
            spec.commandLine().getErr().println("stress.jar: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(spec.commandLine().getErr());
            }
            return ExitCodes.HARNESS_ERROR;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
                deleteUnlessKept(dir);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running and cleans up.
            }
            System.setProperty("java.io.tmpdir", originalTmp);
        }
    }

    private StressConfig config() {
        StateBackendKind backend = option("--state-backend", () -> StateBackendKind.parse(stateBackend));
        Delivery guarantee = option("--delivery", () -> Delivery.parse(delivery));
        ClusterChoice where = option("--cluster", () -> ClusterChoice.parse(cluster));
        KafkaClientProperties kafkaClient = CommandLines.kafkaConfig(spec, kafkaConfig);
        KafkaSettings kafka = option(null, () -> new KafkaSettings(Optional.ofNullable(bootstrapServers), brokers,
                replicationFactor, Optional.ofNullable(topic), groupId, kafkaClient));
        if (resume != null && kafka.embeddedBrokers() == 3) {
            throw new ParameterException(spec.commandLine(), "--resume starts the run's single embedded broker again on "
                    + "its ports: a run with --brokers 3 cannot be resumed");
        }
        InfraSettings servers = option(null, () -> new InfraSettings(InfraSettings.Kind.parse(infra), redisImage, jreImage));
        if (resume != null && servers.docker()) {
            throw new ParameterException(spec.commandLine(), "--resume starts the run's embedded servers again on their "
                    + "data: a run with --infra docker cannot be resumed (its containers are removed when it ends)");
        }
        if (redisUri != null && redisCluster != null) {
            throw new ParameterException(spec.commandLine(), "--redis-uri and --redis-cluster both name the Redis to "
                    + "count in: give one");
        }
        String externalRedis = redisCluster == null ? redisUri : option("--redis-cluster", () -> RedisUris.cluster(redisCluster));
        FaultPlan plan = option("--chaos", () -> FaultPlan.parse(chaos, chaosSeed, Math.max(1, partitions),
                StressConfig.injectableKinds(kafka, externalRedis == null, where.kind(), servers.docker()))
                .withDefaultServer(where.kind() == ClusterKind.DOCKER ? ServerRole.TASKMANAGER : ServerRole.REDIS));
        option("--chaos", () -> PoisonPlan.of(plan, Math.max(1, messages), Math.max(1, partitions), rate));
        TrafficPattern pattern = option("--traffic-pattern", () -> TrafficPattern.parse(trafficPattern));
        return option(null, () -> new StressConfig(messages, partitions, recordSize, rate, preload, taskManagers,
                slotsPerTaskManager, checkpointInterval, backend, guarantee, new ChaosSettings(plan, stall, rescaleTo, latency), flinkConfig,
                kafka, Optional.ofNullable(externalRedis), Optional.ofNullable(runDir), keep, maxTime, connectTimeout, Optional.ofNullable(expectThroughput),
                Optional.ofNullable(expectRecovery), pattern, metricsPort, where, servers));
    }

    /** Turns a leaf module's validation error into a usage error naming {@code option} (if its message does not). */
    private <T> T option(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String message = option == null || e.getMessage().startsWith("--") ? e.getMessage() : option + ": " + e.getMessage();
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private void writeReport(Report report, Console console) {
        try {
            List<Path> files = ReportWriter.write(report, reportDir);
            console.line("Report: %s", files.stream().map(Path::toString).collect(Collectors.joining(", ")));
        } catch (IOException e) {
            err.println("stress.jar: could not write the report into " + reportDir + ": " + e.getMessage());
        }
    }

    private void deleteUnlessKept(RunDirectory dir) {
        if (keep || WorkerJvm.parentGone()) {
            return;
        }
        try {
            Logging.stop();
            dir.delete();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            spec.commandLine().getErr().println("stress.jar: could not delete the run directory " + dir.root() + " ("
                    + e.getMessage() + "): rm -rf " + dir.root());
        }
    }
}
