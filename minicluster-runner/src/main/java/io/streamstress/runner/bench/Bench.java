package io.streamstress.runner.bench;

import io.streamstress.kafka.broker.BrokerSettings;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.kafka.topic.KafkaUnavailableException;
import io.streamstress.kafka.topic.TopicAdmin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side benchmark: one embedded broker (in this JVM) for every contestant of every round; each
 * contestant in its own JVM.
 */
public final class Bench {

    /** No contestant may take longer than this (a 10 M round takes a few minutes on 2 cores). */
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(30);

    private final BenchSettings settings;
    private final PrintStream out;

    public Bench(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs every round, prints the table and writes {@code output}; returns the rounds' figures. */
    public List<Map<String, Double>> run(Path output) throws IOException, InterruptedException, KafkaUnavailableException {
        List<Map<String, Double>> rounds = new ArrayList<>();
        out.printf(Locale.ROOT, "Starting the embedded Kafka broker every contestant uses (logs and outputs: %s)%n",
                settings.workDir());
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                BrokerSettings.loopback(Files.createDirectories(settings.workDir().resolve("broker"))))) {
            broker.start();
            Contestants contestants = new Contestants(settings, broker.bootstrapServers());
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), TopicAdmin.DEFAULT_TIMEOUT)) {
                admin.awaitReachable();
                for (int round = 1; round <= settings.rounds(); round++) {
                    out.printf(Locale.ROOT, "Round %d of %d: %,d records of %d B into %d partitions, each contestant in its own JVM%n",
                            round, settings.rounds(), settings.messages(), settings.recordSize(), settings.partitions());
                    rounds.add(new BenchRound(settings, contestants, admin, out, round).run());
                }
            }
        }
        BenchReport.printTable(settings, rounds, out);
        Files.createDirectories(output.toAbsolutePath().getParent());
        BenchReport.writeJson(settings, rounds, output);
        out.printf(Locale.ROOT, "%nWrote %s%n", output);
        return rounds;
    }
}
