package io.streamstress.kafka.broker;

import io.streamstress.kafka.topic.KafkaUnavailableException;
import io.streamstress.kafka.topic.TopicAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in this JVM: one KRaft node acting as broker and controller, listening on
 * loopback. {@link #start()} formats the storage on first use and returns once the broker answers an
 * admin call; {@link #stop()} and a later {@link #start()} reuse the data dir and ports.
 *
 * <p>Free ports are chosen before the server binds them (the controller's port must be known to the quorum
 * configuration up front), so a start retries on fresh ports when one was taken in between.
 *
 * <p>With {@link BrokerSettings#withProxiedListener} the broker has a second client listener, advertised at a
 * proxy's address: clients that bootstrap through the proxy go on through it ({@link ProxiedListener}).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    /** The node id of the single node. */
    private static final int NODE_ID = 1;

    private final List<Integer> takenPorts = new ArrayList<>();
    private final KafkaNode node;
    /**
     * Whether {@link #bytesServed} reads the running node's meters; false from the very start of a {@link #stop()}, so
     * that bytes it moves into {@link #servedBeforeStop} are never counted twice.
     */
    private volatile boolean serving;
    /** Bytes of each topic that earlier runs of this broker served, until they were stopped. */
    private final Map<String, Long> servedBeforeStop = new ConcurrentHashMap<>();
    /** The highest {@link #bytesServed} reported per topic: what it reports never goes down. */
    private final Map<String, Long> servedReported = new ConcurrentHashMap<>();

    public EmbeddedKafkaBroker(BrokerSettings settings) {
        this.node = new KafkaNode(NODE_ID, settings);
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
        if (node.isRunning()) {
            return;
        }
        node.formatIfNeeded(Uuid.randomUuid().toString());
        takenPorts.clear();
        int attempts = node.picksFreePorts() ? node.settings().bindAttempts() : 1;
        FreshPortRetry.run("Kafka broker", node.settings().host(), attempts, takenPorts, () -> {
            BrokerSettings candidate = node.candidate();
            node.start(candidate, node.voter(candidate));
        });
        serving = true;
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers(), STARTUP_TIMEOUT)) {
            admin.awaitReachable();
        }
        BrokerSettings settings = node.settings();
        LOG.info("Kafka broker up at {} (controller on port {}{}, data in {})", bootstrapServers(),
                settings.controllerPort(), settings.proxiedListener()
                        .map(l -> ", " + l.name() + " on port " + l.bindPort() + " advertised at " + l.advertisedAddress())
                        .orElse(""), settings.dataDir());
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
        return node.bootstrapServers();
    }

    /**
     * The port the proxied listener is bound on, where its proxy must forward to; after the first {@link #start()}
     * the port it chose, kept by later starts.
     *
     * @throws IllegalStateException when the settings have no proxied listener
     */
    public int proxiedPort() {
        return node.settings().proxiedListener().map(ProxiedListener::bindPort).orElseThrow(() ->
                new IllegalStateException("this broker has no proxied listener: give BrokerSettings.withProxiedListener"));
    }

    /** The settings in force: after the first {@link #start()}, with the ports it chose. */
    public BrokerSettings settings() {
        return node.settings();
    }

    /**
     * Bytes of {@code topic} this broker has served to fetching clients (consumers), over all its starts: a
     * figure that only grows, so that a fetch answered after a restart shows as an increase.
     */
    public long bytesServed(String topic) {
        // Read what earlier starts served first: a stop in between then moves bytes from 'current' into it,
        // which this call misses (an undercount the next call makes good), but never counts twice.
        long before = servedBeforeStop.getOrDefault(topic, 0L);
        long current = serving ? TopicTraffic.bytesOut(topic) : 0;
        return servedReported.merge(topic, before + current, Math::max);
    }

    /** Stops the broker and waits for it; the data dir stays for a later {@link #start()}. */
    public synchronized void stop() {
        if (!node.isRunning()) {
            return;
        }
        serving = false;
        for (String topic : servedReported.keySet()) {
            servedBeforeStop.merge(topic, TopicTraffic.bytesOut(topic), Long::sum);
        }
        node.stop();
        LOG.info("Kafka broker at {} stopped", bootstrapServers());
    }

    @Override
    public void close() {
        stop();
    }
}
