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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side benchmark: one embedded broker (in this JVM) for every contestant of every round; each
 * contestant in its own JVM, on each of the settings' JDKs in turn (all the rounds on one, then on the next).
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

    /**
     * Runs every round on every JDK, prints a table per JDK (and the ratios side by side when there are several) and
     * writes {@code output}; returns the rounds' figures by JDK.
     */
    public Map<Jdk, List<Map<String, Double>>> run(Path output)
            throws IOException, InterruptedException, KafkaUnavailableException {
        Map<Jdk, List<Map<String, Double>>> byJdk = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "Starting the embedded Kafka broker every contestant uses (logs and outputs: %s)%n",
                settings.workDir());
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                BrokerSettings.loopback(Files.createDirectories(settings.workDir().resolve("broker"))))) {
            broker.start();
            try (TopicAdmin admin = new TopicAdmin(broker.bootstrapServers(), TopicAdmin.DEFAULT_TIMEOUT)) {
                admin.awaitReachable();
                int number = 0;
                for (Jdk jdk : settings.jdks()) {
                    Contestants contestants = new Contestants(settings, broker.bootstrapServers(), jdk);
                    List<Map<String, Double>> rounds = new ArrayList<>();
                    for (int round = 1; round <= settings.rounds(); round++) {
                        number++;
                        out.printf(Locale.ROOT, "Round %d of %d on %s: %,d records of %d B into %d partitions, each "
                                + "contestant in its own JVM%n", round, settings.rounds(), jdk, settings.messages(),
                                settings.recordSize(), settings.partitions());
                        rounds.add(new BenchRound(settings, contestants, admin, out, number).run());
                    }
                    byJdk.put(jdk, rounds);
                }
            }
        }
        byJdk.forEach((jdk, rounds) -> BenchReport.printTable(settings, jdk, rounds, out));
        if (byJdk.size() > 1) {
            BenchReport.printSideBySide(byJdk, out);
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        BenchReport.writeJson(settings, byJdk, output);
        out.printf(Locale.ROOT, "%nWrote %s%n", output);
        return byJdk;
    }
}
