package io.streamstress.kafka.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KRaft node in this JVM, acting as broker and controller: its properties, its storage, one start on given
 * ports, and its stop. What {@link EmbeddedKafkaBroker} (one node) and {@link EmbeddedKafkaCluster} (several) share.
 * Retrying on fresh ports is the caller's ({@link FreshPortRetry}): the quorum's voters name every node's controller
 * port, so a cluster picks the candidates of all its nodes together.
 */
final class KafkaNode {

    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** The node's directory for its topic logs and its metadata log, under {@link BrokerSettings#dataDir()}. */
    static final String LOG_DIR = "kraft-logs";
    /**
     * The marker a log manager leaves in its log dir when it shut down cleanly (Kafka's
     * {@code CleanShutdownFileHandler.CLEAN_SHUTDOWN_FILE_NAME}, in kafka-storage, which this module does not compile
     * against).
     */
    static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";
    /** The log cleaner's dedupe buffer of a node (Kafka's default is 128 MB, taken on the heap at every start). */
    static final long DEDUPE_BUFFER_BYTES = 8L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaNode.class);

    private final int nodeId;
    /** Written under the node's lock by {@link #start}; read without it, so that a start in progress blocks no reader. */
    private volatile BrokerSettings settings;
    private volatile KafkaRaftServer server;

    KafkaNode(int nodeId, BrokerSettings settings) {
        if (nodeId < 0) {
            throw new IllegalArgumentException("node id must be 0 or more, was " + nodeId);
        }
        this.nodeId = nodeId;
        this.settings = settings;
    }

    int nodeId() {
        return nodeId;
    }

    /** The settings in force: after the first successful {@link #start}, with the ports it bound. */
    BrokerSettings settings() {
        return settings;
    }

    boolean isRunning() {
        return server != null;
    }

    Path logDir() {
        return settings().dataDir().resolve(LOG_DIR);
    }

    /** {@code host:port} of the client listener. */
    String bootstrapServers() {
        BrokerSettings current = settings();
        return current.host() + ":" + current.brokerPort();
    }

    /** Whether one of the node's ports is given as 0, so that a start may retry on fresh candidates. */
    boolean picksFreePorts() {
        BrokerSettings current = settings;
        return current.brokerPort() == 0 || current.controllerPort() == 0
                || current.proxiedListener().map(l -> l.bindPort() == 0).orElse(false);
    }

    /**
     * The settings with a fresh candidate from the picker for each port given as 0, asked for in this order: client,
     * controller, proxied.
     */
    BrokerSettings candidate() {
        BrokerSettings current = settings;
        PortPicker picker = current.portPicker();
        String host = current.host();
        BrokerSettings candidate = current.withPorts(
                current.brokerPort() == 0 ? picker.pick(host) : current.brokerPort(),
                current.controllerPort() == 0 ? picker.pick(host) : current.controllerPort());
        Optional<ProxiedListener> proxied = current.proxiedListener();
        if (proxied.isPresent() && proxied.get().bindPort() == 0) {
            candidate = candidate.withProxiedListener(proxied.get().withBindPort(picker.pick(host)));
        }
        return candidate;
    }

    /** This node's entry in {@code controller.quorum.voters} when it runs with {@code candidate}'s ports. */
    String voter(BrokerSettings candidate) {
        return nodeId + "@" + candidate.host() + ":" + candidate.controllerPort();
    }

    /** Formats the node's storage as a member of cluster {@code clusterId}, unless it is formatted already. */
    void formatIfNeeded(String clusterId) {
        Path logDir = logDir();
        try {
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(clusterId)
                    .setNodeId(nodeId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data dir " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * One start on {@code candidate}'s ports, with the quorum {@code voters}; on success the node's settings become
     * {@code candidate}. A server that fails to start is shut down and awaited before the failure is rethrown, so that
     * its threads, sockets and the log dir's lock are released before a retry takes the same data dir. The controller
     * would halt the JVM on a failed start: the guard keeps it from doing so, and the failure comes back as the
     * exception {@code startup()} throws. Returns at once when the node runs.
     *
     * @throws RuntimeException as Kafka throws it; {@link BindFailure#isPortTaken} tells a taken port apart
     */
    synchronized void start(BrokerSettings candidate, String voters) {
        if (server != null) {
            return;
        }
        KafkaRaftServer starting = new KafkaRaftServer(
                KafkaConfig.fromProps(properties(nodeId, candidate, voters), false), Time.SYSTEM);
        try (StartupHaltGuard guard = StartupHaltGuard.open()) {
            starting.startup();
        } catch (RuntimeException e) {
            try {
                starting.shutdown();
                starting.awaitShutdown();
            } catch (RuntimeException release) {
                e.addSuppressed(release);
            }
            throw e;
        }
        server = starting;
        settings = candidate;
        StartupHaltGuard.nodeStarted();
    }

    /** Shuts the node down and waits for it; its data dir stays for a later {@link #start}. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        try {
            stopping.shutdown();
            stopping.awaitShutdown();
        } finally {
            StartupHaltGuard.nodeStopped();
        }
    }

    /**
     * Stops the node as {@link #stop()} does, then removes the clean-shutdown marker its log manager wrote, so that its
     * next start finds the logs as a crash leaves them: it recovers them, and registers as a broker that did not shut
     * down cleanly.
     */
    synchronized void kill() {
        if (server == null) {
            return;
        }
        stop();
        try {
            Files.deleteIfExists(logDir().resolve(CLEAN_SHUTDOWN_FILE));
        } catch (IOException e) {
            LOG.warn("Kafka node {}: could not remove its clean-shutdown marker in {}: it restarts as after a clean stop",
                    nodeId, logDir(), e);
        }
    }

    /** The broker properties of node {@code nodeId} with {@code settings}' ports and quorum {@code voters}. */
    static Properties properties(int nodeId, BrokerSettings settings, String voters) {
        String host = settings.host();
        String clientListener = CLIENT_LISTENER + "://" + host + ":" + settings.brokerPort();
        String listeners = clientListener + "," + CONTROLLER_LISTENER + "://" + host + ":" + settings.controllerPort();
        String advertised = clientListener;
        String protocols = CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT";
        if (settings.proxiedListener().isPresent()) {
            ProxiedListener proxied = settings.proxiedListener().get();
            listeners += "," + proxied.name() + "://" + host + ":" + proxied.bindPort();
            advertised += "," + proxied.name() + "://" + proxied.advertisedAddress();
            protocols += "," + proxied.name() + ":PLAINTEXT";
        }
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        props.put("controller.quorum.voters", voters);
        props.put("listeners", listeners);
        props.put("advertised.listeners", advertised);
        props.put("listener.security.protocol.map", protocols);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", CLIENT_LISTENER);
        props.put("log.dirs", settings.dataDir().resolve(LOG_DIR).toString());
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
        // Every node's log cleaner takes its dedupe buffer on the heap when it starts: Kafka's 128 MB each made three
        // nodes, and a killed one restarting before its old buffer was collected, run the harness out of heap.
        // Only the small internal topics are compacted here.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(DEDUPE_BUFFER_BYTES));
        // After a crash the controller fences the old broker session before the restarted broker may register:
        // a short session keeps that wait (9 s by default) near 2 s.
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "2000");
        settings.overrides().forEach(props::put);
        return props;
    }
}
