package io.streamstress.runner.cli;

import io.streamstress.kafka.client.KafkaClientProperties;
import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.PartitionPlan;
import io.streamstress.kafka.producer.ProduceException;
import io.streamstress.kafka.producer.ProduceResult;
import io.streamstress.kafka.producer.ProducerSettings;
import io.streamstress.kafka.producer.TrafficPattern;
import io.streamstress.kafka.topic.KafkaUnavailableException;
import io.streamstress.kafka.topic.TopicAdmin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Loads a topic of an external Kafka with load messages (the format the stress job reads: partition,
 * sequence, id, produce and intended timestamps), through the same idempotent producer as a stress run:
 * {@code java -cp stress.jar io.streamstress.runner.cli.ProduceCommand …}, or
 * {@code stress-scripts/produce-messages.sh}.
 */
@Command(name = "produce-messages", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Produces load messages into a Kafka topic (created with --partitions when it does not exist).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0 every message acknowledged", "1 Kafka unreachable or a send failed", "2 usage error"})
public final class ProduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT", description = "The Kafka cluster.")
    String bootstrapServers;

    @Option(names = "--topic", required = true, paramLabel = "NAME", description = "The topic to load.")
    String topic;

    @Option(names = "--messages", defaultValue = "1000000", paramLabel = "N",
            description = "Messages to produce (default: ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = "--partitions", defaultValue = "20", paramLabel = "N",
            description = "Partitions of the topic; message id goes to partition id %% N (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--record-size", defaultValue = "" + ProducerSettings.DEFAULT_RECORD_SIZE, paramLabel = "BYTES",
            description = "Bytes per record (default: ${DEFAULT-VALUE}).")
    int recordSize;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "MSG/S",
            description = "Rate cap, 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--traffic-pattern", defaultValue = "none", paramLabel = "START-END:RATE[,…]",
            description = "Windows with their own rate, as for stress.jar (default: ${DEFAULT-VALUE}).")
    String trafficPattern;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties for every client (security.protocol, sasl.*, ssl.*), as Kafka's "
                    + "tools take them with --command-config.")
    Path kafkaConfig;

    @Option(names = "--connect-timeout", defaultValue = "20s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long Kafka may take to answer (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    private final PrintStream out;

    ProduceCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        return CommandLines.of(new ProduceCommand(out), "produce-messages", out, err, () -> false).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        KafkaClientProperties client = CommandLines.kafkaConfig(spec, kafkaConfig);
        ProducerSettings settings;
        try {
            settings = ProducerSettings.of(bootstrapServers, topic, new PartitionPlan(messages, partitions))
                    .withRecordSize(recordSize).withRatePerSecond(rate)
                    .withTrafficPattern(TrafficPattern.parse(trafficPattern))
                    .withClient(client);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers, connectTimeout, client)) {
            admin.awaitReachable();
            if (admin.createTopicIfAbsent(topic, partitions, (short) 1)) {
                out.printf(Locale.ROOT, "Created topic %s with %d partitions%n", topic, partitions);
            }
        } catch (KafkaUnavailableException e) {
            spec.commandLine().getErr().println("produce-messages: " + e.getMessage());
            return ExitCodes.HARNESS_ERROR;
        }
        out.printf(Locale.ROOT, "Producing %,d messages of %d bytes into %s …%n", messages, recordSize, topic);
        try {
            ProduceResult result = new LoadProducer(settings).run();
            out.printf(Locale.ROOT, "Acknowledged %,d messages in %.1f s (%,.0f msg/s)%n", result.acked(),
                    result.elapsed().toMillis() / 1000.0, result.ratePerSecond());
            return ExitCodes.PASS;
        } catch (ProduceException e) {
            spec.commandLine().getErr().println("produce-messages: " + e.getMessage());
            return ExitCodes.HARNESS_ERROR;
        }
    }
}
