package io.streamstress.runner.cli;

import io.streamstress.kafka.topic.KafkaUnavailableException;
import io.streamstress.kafka.topic.TopicAdmin;
import io.streamstress.redis.client.RedisUris;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.verify.CountVerifier;
import io.streamstress.redis.verify.Verification;
import io.streamstress.runner.job.StressJobGraph;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar stress.jar verify …}: the independent count check of a job that ran elsewhere (on a user's
 * cluster by {@code flink run … StressJobMain}): the topic's end offsets are what was produced (the
 * {@code produce-messages} producer is idempotent and writes no poison, so offset = sequence), Redis holds what
 * the job committed under {@code streamstress:<run id>}; {@link CountVerifier} compares them per partition.
 */
@Command(name = "stress.jar " + VerifyCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = "Verifies what a stress job counted into Redis against what the Kafka topic holds.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:verified: every message counted exactly once",
            "1:could not verify (Kafka or Redis unreachable, no such topic)", "2:usage error",
            "3:verified and failed (loss, duplicates, a count mismatch)"})
public final class VerifyCommand implements Callable<Integer> {

    /** The subcommand's name: {@code stress.jar verify}. */
    public static final String NAME = "verify";

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT", description = "The Kafka cluster.")
    String bootstrapServers;

    @Option(names = "--topic", required = true, paramLabel = "NAME", description = "The topic the job read.")
    String topic;

    @Option(names = "--redis-uri", required = true, paramLabel = "redis://[:PASSWORD@]HOST:PORT",
            description = "The Redis the job counted in; a Redis Cluster as redis-cluster://[:PASSWORD@]HOST:PORT[,HOST:PORT…].")
    String redisUri;

    @Option(names = "--run-id", required = true, paramLabel = "ID",
            description = "The job's run id: its counts are under streamstress:<ID>.")
    String runId;

    @Option(names = "--messages", paramLabel = "N",
            description = "Messages that were to be produced (default: whatever the topic holds).")
    Long messages;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties for every client (security.protocol, sasl.*, ssl.*), as Kafka's "
                    + "tools take them with --command-config.")
    Path kafkaConfig;

    @Option(names = "--connect-timeout", defaultValue = "20s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long Kafka may take to answer (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    private final PrintStream out;

    VerifyCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs {@code verify} with {@code args} (without the word "verify"); returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return CommandLines.of(new VerifyCommand(out), "stress.jar " + NAME, out, err, () -> false).execute(args);
    }

    /** Whether {@code args} asks for this subcommand, i.e. starts with {@value #NAME}. */
    static boolean isInvokedBy(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** {@code args} without the leading {@value #NAME}. */
    static String[] ownArgs(String[] args) {
        return Arrays.copyOfRange(args, 1, args.length);
    }

    @Override
    public Integer call() throws Exception {
        CounterKeys keys = checkedArguments();
        long[] endOffsets;
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers, connectTimeout, CommandLines.kafkaConfig(spec, kafkaConfig))) {
            endOffsets = admin.endOffsets(topic, admin.partitions(topic));
        } catch (KafkaUnavailableException e) {
            return cannotVerify(e.getMessage());
        }
        long inTopic = Arrays.stream(endOffsets).sum();
        out.printf(Locale.ROOT, "Verifying run %s: topic %s (%d partitions, %,d messages) against Redis keys %s:*%n",
                runId, topic, endOffsets.length, inTopic, keys.prefix());
        Verification verification;
        try {
            verification = new CountVerifier(redisUri, keys).verify(messages != null ? messages : inTopic, endOffsets,
                    endOffsets);
        } catch (RuntimeException e) {
            return cannotVerify("could not read the counts from Redis at " + RedisUris.redact(redisUri) + ": "
                    + CommandLines.oneLine(e));
        }
        print(verification);
        return verification.passed() ? ExitCodes.PASS : ExitCodes.INVARIANT_FAILED;
    }

    private CounterKeys checkedArguments() {
        try {
            RedisUris.parse(redisUri);
            if (messages != null && messages < 1) {
                throw new IllegalArgumentException("--messages must be at least 1, was " + messages);
            }
            return StressJobGraph.keysOf(runId);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int cannotVerify(String why) {
        spec.commandLine().getErr().println("stress.jar " + NAME + ": " + why);
        return ExitCodes.HARNESS_ERROR;
    }

    private void print(Verification v) {
        out.printf(Locale.ROOT, "  expected      %,15d messages%n", v.expected());
        out.printf(Locale.ROOT, "  end offsets   %,15d in the topic%n", v.endOffsets());
        out.printf(Locale.ROOT, "  committed     %,15d counted in Redis (total key %,d)%n", v.committed(), v.redisTotal());
        out.printf(Locale.ROOT, "  lost          %,15d sequence numbers no commit covers%n", v.lost());
        out.printf(Locale.ROOT, "  duplicated    %,15d sequence numbers committed more than once%n", v.duplicated());
        if (v.poison() > 0) {
            out.printf(Locale.ROOT, "  poison        %,15d malformed records set aside%n", v.poison());
        }
        if (v.unexpected() > 0) {
            out.printf(Locale.ROOT, "  unexpected    %,15d sequence numbers that were never produced%n", v.unexpected());
        }
        for (String problem : v.problems()) {
            out.println("  FAIL: " + problem);
        }
        out.println(verdictLine(v));
    }

    /** The last line: {@code VERDICT PASS|FAIL produced=… committed=… lost=… duplicated=…}. */
    static String verdictLine(Verification v) {
        return String.format(Locale.ROOT, "VERDICT %s produced=%d committed=%d lost=%d duplicated=%d",
                v.passed() ? "PASS" : "FAIL", v.produced(), v.committed(), v.lost(), v.duplicated());
    }
}
