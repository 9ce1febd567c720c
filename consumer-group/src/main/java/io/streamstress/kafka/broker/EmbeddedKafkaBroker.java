package io.streamstress.kafka.broker;

import io.streamstress.kafka.topic.KafkaUnavailableException;
import io.streamstress.kafka.topic.TopicAdmin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in this JVM: one KRaft node acting as broker and controller, listening on
 * loopback. {@link #start()} formats the storage on first use and returns once the broker answers an
 * admin call; {@link #stop()} and a later {@link #start()} reuse the data dir and ports.
 *
 * <p>Free ports are chosen before the server binds them (the controller's port must be known to the quorum
 * configuration up front), so a start retries on fresh ports when one was taken in between.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final List<Integer> takenPorts = new ArrayList<>();
    private BrokerSettings settings;
    private volatile KafkaRaftServer server;
    /** Bytes of each topic that earlier runs of this broker served, until they were stopped. */
    private final Map<String, Long> servedBeforeStop = new ConcurrentHashMap<>();
    /** The highest {@link #bytesServed} reported per topic: what it reports never goes down. */
    private final Map<String, Long> servedReported = new ConcurrentHashMap<>();

    public EmbeddedKafkaBroker(BrokerSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts the broker (formatting its storage the first time) and waits until it serves requests. A listener
     * asked for a free port (0) that finds its candidate taken when it binds (another process, or a server
     * starting alongside, took it since it was chosen) makes the broker release what it started and try again
     * on fresh candidates, up to {@link BrokerSettings#bindAttempts()} times; fixed ports get one attempt.
     *
     * @throws RuntimeException as Kafka throws it when the broker cannot start; {@link BindFailure#isPortTaken}
     *     tells a taken port apart
     */
    public synchronized void start() throws KafkaUnavailableException, InterruptedException {
        if (server != null) {
            return;
        }
        Path logDir = settings.dataDir().resolve("kraft-logs");
        formatIfNeeded(logDir);
        takenPorts.clear();
        boolean free = settings.brokerPort() == 0 || settings.controllerPort() == 0;
        int attempts = free ? settings.bindAttempts() : 1;
        for (int attempt = 1; server == null; attempt++) {
            BrokerSettings candidate = settings.withPorts(
                    settings.brokerPort() == 0 ? settings.portPicker().pick(settings.host()) : settings.brokerPort(),
                    settings.controllerPort() == 0 ? settings.portPicker().pick(settings.host()) : settings.controllerPort());
            try {
                server = startServer(candidate, logDir);
                settings = candidate;
            } catch (RuntimeException e) {
                if (!BindFailure.isPortTaken(e) || attempt >= attempts) {
                    throw e;
                }
                OptionalInt taken = BindFailure.takenPort(e);
                takenPorts.add(taken.orElse(0));
                LOG.warn("Kafka broker: port {} on {} was taken by the time it bound (attempt {} of {}): "
                        + "retrying on fresh ports", taken.isPresent() ? taken.getAsInt()
                                : candidate.brokerPort() + " or " + candidate.controllerPort(),
                        settings.host(), attempt, attempts);
            }
        }
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers(), STARTUP_TIMEOUT)) {
            admin.awaitReachable();
        }
        LOG.info("Kafka broker up at {} (controller on port {}, data in {})", bootstrapServers(),
                settings.controllerPort(), settings.dataDir());
    }

    /**
     * The ports the last {@link #start()} found taken and retried past (0 where Kafka did not name the port),
     * in order; empty when the first candidates bound.
     */
    public synchronized List<Integer> takenPorts() {
        return List.copyOf(takenPorts);
    }

    /** {@code host:port} of the client listener. */
    public String bootstrapServers() {
        return settings.host() + ":" + settings.brokerPort();
    }

    /** The settings in force: after the first {@link #start()}, with the ports it chose. */
    public synchronized BrokerSettings settings() {
        return settings;
    }

    /**
     * Bytes of {@code topic} this broker has served to fetching clients (consumers), over all its starts: a
     * figure that only grows, so that a fetch answered after a restart shows as an increase.
     */
    public long bytesServed(String topic) {
        // Read what earlier starts served first: a stop in between then moves bytes from 'current' into it,
        // which this call misses (an undercount the next call makes good), but never counts twice.
        long before = servedBeforeStop.getOrDefault(topic, 0L);
        long current = server == null ? 0 : TopicTraffic.bytesOut(topic);
        return servedReported.merge(topic, before + current, Math::max);
    }

    /** Stops the broker and waits for it; the data dir stays for a later {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        for (String topic : servedReported.keySet()) {
            servedBeforeStop.merge(topic, TopicTraffic.bytesOut(topic), Long::sum);
        }
        stopping.shutdown();
        stopping.awaitShutdown();
        LOG.info("Kafka broker at {} stopped", bootstrapServers());
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Starts a KRaft server with {@code candidate}'s ports; one that fails to start is shut down and awaited
     * before the failure is rethrown, so that its threads, sockets and the log dir's lock are released before
     * a retry takes the same data dir. The controller would halt the JVM on a failed start: the guard keeps it
     * from doing so, and the failure comes back as the exception {@code startup()} throws.
     */
    private static KafkaRaftServer startServer(BrokerSettings candidate, Path logDir) {
        KafkaRaftServer starting = new KafkaRaftServer(KafkaConfig.fromProps(brokerProperties(candidate, logDir), false),
                Time.SYSTEM);
        try (StartupHaltGuard guard = StartupHaltGuard.open()) {
            starting.startup();
            return starting;
        } catch (RuntimeException e) {
            try {
                starting.shutdown();
                starting.awaitShutdown();
            } catch (RuntimeException release) {
                e.addSuppressed(release);
            }
            throw e;
        }
    }

    private static Properties brokerProperties(BrokerSettings settings, Path logDir) {
        String host = settings.host();
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + host + ":" + settings.controllerPort());
        props.put("listeners", "PLAINTEXT://" + host + ":" + settings.brokerPort() + ",CONTROLLER://" + host + ":"
                + settings.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.brokerPort());
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        props.put("log.segment.bytes", String.valueOf(256 * 1024 * 1024));
        // After a crash the controller fences the old broker session before the restarted broker may register:
        // a short session keeps that wait (9 s by default) near 2 s.
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "2000");
        settings.overrides().forEach(props::put);
        return props;
    }

    private void formatIfNeeded(Path logDir) {
        try {
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data dir " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }
}
