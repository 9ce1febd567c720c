package io.streamstress.kafka.broker;

import io.streamstress.kafka.topic.KafkaUnavailableException;
import io.streamstress.kafka.topic.TopicAdmin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real Apache Kafka brokers in this JVM: 1 or 3 KRaft nodes ({@link ClusterSettings}), each broker and controller of
 * one quorum, on loopback, each with its own data dir. With 3, every topic has 3 replicas and takes a write once 2
 * have it, so one broker may be {@link #kill killed}: a surviving replica takes over leadership of its partitions,
 * producers with {@code acks=all} and consumers go on, and the quorum keeps its majority of 2 voters; a
 * {@link #restart} brings it back on the same data dir and ports, and it catches up ({@link #awaitInSync}).
 *
 * <p>The nodes start together, since a node's start waits for the quorum's majority; ports are picked before (the
 * voters name every controller's port), and the whole cluster starts again when one was taken in between, the node
 * that found it taken on fresh candidates, as {@link EmbeddedKafkaBroker} does.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    /** The shortest time-out of one admin call while {@link #awaitInSync} waits: a short wait still gets an answer. */
    private static final Duration MIN_CALL_TIMEOUT = Duration.ofSeconds(1);
    private static final long POLL_MS = 50;

    private final ClusterSettings settings;
    /** By node id, from 1. */
    private final List<KafkaNode> nodes;
    private final List<Integer> takenPorts = new ArrayList<>();
    private boolean started;

    public EmbeddedKafkaCluster(ClusterSettings settings) {
        this.settings = settings;
        List<KafkaNode> list = new ArrayList<>();
        for (int id = 1; id <= settings.brokers(); id++) {
            list.add(new KafkaNode(id, settings.node(id)));
        }
        this.nodes = List.copyOf(list);
    }

    /**
     * Starts every node (formatting their storage the first time, as one cluster) and waits until all of them serve
     * requests. A port taken by the time a node bound it makes the cluster stop the nodes it started and start them
     * all again, that node on fresh candidates, up to {@link ClusterSettings#bindAttempts()} times. Returns at once
     * when started.
     *
     * @throws RuntimeException as Kafka throws it when a node cannot start; {@link BindFailure#isPortTaken} tells a
     *     taken port apart
     */
    public synchronized void start() throws KafkaUnavailableException, InterruptedException {
        if (started) {
            return;
        }
        String clusterId = formattedClusterId().orElseGet(() -> Uuid.randomUuid().toString());
        nodes.forEach(node -> node.formatIfNeeded(clusterId));
        takenPorts.clear();
        int attempts = nodes.stream().anyMatch(KafkaNode::picksFreePorts) ? settings.bindAttempts() : 1;
        FreshPortRetry.run("Kafka cluster", settings.host(), attempts, takenPorts, this::startAllOnce);
        started = true;
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers(), ADMIN_TIMEOUT)) {
            admin.awaitReachable();
        }
        LOG.info("Kafka cluster of {} up at {} (data in {})", nodes.size(), bootstrapServers(), settings.rootDir());
    }

    /** {@code host:port} of every broker's client listener, comma-separated, the killed ones too. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaNode::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The brokers' ids, 1 to {@link ClusterSettings#brokers()}, running or not. */
    public List<Integer> brokerIds() {
        return nodes.stream().map(KafkaNode::nodeId).toList();
    }

    /** Whether broker {@code brokerId} runs: started, and not killed since (or restarted). */
    public boolean isRunning(int brokerId) {
        return node(brokerId).isRunning();
    }

    /** The settings broker {@code brokerId} runs with: after {@link #start()}, with the ports it bound. */
    public BrokerSettings brokerSettings(int brokerId) {
        return node(brokerId).settings();
    }

    /**
     * The ports the last {@link #start()} found taken and retried past (0 where Kafka did not name the port), in order;
     * empty when the first candidates bound.
     */
    public synchronized List<Integer> takenPorts() {
        return List.copyOf(takenPorts);
    }

    /**
     * The id of the broker that leads {@code partition} of {@code topic}, as the cluster's metadata has it; empty while
     * it has no leader. Just after a {@link #kill}, the metadata still names the killed broker until the controller
     * notices it gone ({@code broker.session.timeout.ms}, 2 s).
     *
     * @throws KafkaUnavailableException when no running broker answers, the topic does not exist, or it has no such
     *     partition
     */
    public OptionalInt leaderOf(String topic, int partition) throws KafkaUnavailableException, InterruptedException {
        int[] leaders = leaders(topic);
        if (partition < 0 || partition >= leaders.length) {
            throw new KafkaUnavailableException("topic " + topic + " has partitions 0 to " + (leaders.length - 1)
                    + ", not " + partition, null);
        }
        return leaders[partition] < 0 ? OptionalInt.empty() : OptionalInt.of(leaders[partition]);
    }

    /**
     * The id of the broker leading each partition of {@code topic} (index = partition), -1 where a partition has no
     * leader, as the cluster's metadata has it.
     *
     * @throws KafkaUnavailableException when no running broker answers or the topic does not exist
     */
    public int[] leaders(String topic) throws KafkaUnavailableException, InterruptedException {
        try (TopicAdmin admin = new TopicAdmin(runningBootstrapServers(), ADMIN_TIMEOUT)) {
            List<TopicPartitionInfo> partitions = admin.describePartitions(topic);
            int[] leaders = new int[partitions.size()];
            for (TopicPartitionInfo partition : partitions) {
                leaders[partition.partition()] = TopicReplicas.leaderId(partition);
            }
            return leaders;
        }
    }

    /**
     * Kills broker {@code brokerId}, as much like a crash as a node in this JVM allows: it is shut down without a
     * controlled shutdown ({@code controlled.shutdown.enable=false}), so it hands no partition leadership off first and
     * tells the controller nothing; the controller fences it once its heartbeats stop ({@code broker.session.timeout.ms}
     * after the last), and only then elects new leaders for its partitions. Its clean-shutdown marker is removed, so
     * that a {@link #restart} recovers its logs and registers as after a crash. Unlike a crash, it closes its
     * connections and flushes and closes its logs in order, and its controller, if it led the quorum, resigns rather
     * than vanishing (the others elect a new quorum leader at once instead of after a fetch time-out). Returns
     * once the node has shut down; at once when it does not run.
     */
    public synchronized void kill(int brokerId) {
        KafkaNode node = node(brokerId);
        if (!node.isRunning()) {
            return;
        }
        node.kill();
        LOG.info("Kafka broker {} at {} killed", brokerId, node.bootstrapServers());
    }

    /**
     * Starts broker {@code brokerId} again on its data dir and ports, and returns once the controller has taken it back
     * (unfenced it); its replicas then catch up with the leaders ({@link #awaitInSync}). At once when it runs.
     *
     * @throws RuntimeException as Kafka throws it when the node cannot start, a taken port among them
     *     ({@link BindFailure#isPortTaken}): the other nodes know its ports, so it gets no fresh ones
     */
    public synchronized void restart(int brokerId) {
        if (!started) {
            throw new IllegalStateException("the cluster has not started: start() it before restarting a broker");
        }
        KafkaNode node = node(brokerId);
        if (node.isRunning()) {
            return;
        }
        node.start(node.settings(), voters(nodes.stream().map(KafkaNode::settings).toList()));
        LOG.info("Kafka broker {} at {} restarted", brokerId, node.bootstrapServers());
    }

    /**
     * Waits until every partition of {@code topic} has a leader and all its replicas in its ISR, e.g. after a
     * {@link #restart}, the restarted broker has caught up with every partition it holds.
     *
     * @throws TimeoutException when a partition is still out of sync after {@code timeout}; the message tells which
     * @throws KafkaUnavailableException when the cluster refuses to describe the topic (for another reason than one
     *     that passes when asked again)
     */
    public void awaitInSync(String topic, Duration timeout)
            throws TimeoutException, KafkaUnavailableException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = "not described yet";
        Duration callTimeout = timeout.compareTo(ADMIN_TIMEOUT) < 0 ? timeout : ADMIN_TIMEOUT;
        try (TopicAdmin admin = new TopicAdmin(runningBootstrapServers(),
                callTimeout.compareTo(MIN_CALL_TIMEOUT) > 0 ? callTimeout : MIN_CALL_TIMEOUT)) {
            while (true) {
                try {
                    List<TopicPartitionInfo> partitions = admin.describePartitions(topic);
                    List<TopicPartitionInfo> behind = partitions.stream().filter(p -> !TopicReplicas.inSync(p)).toList();
                    if (behind.isEmpty()) {
                        return;
                    }
                    state = behind.stream().map(TopicReplicas::describe).collect(Collectors.joining("; "));
                } catch (KafkaUnavailableException e) {
                    if (!(e.getCause() instanceof RetriableException)) {
                        throw e;
                    }
                    state = e.getMessage();
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("topic " + topic + " not in sync within " + timeout.toMillis() + " ms: "
                            + state);
                }
                Thread.sleep(POLL_MS);
            }
        }
    }

    /** Stops every node that runs (together: each without controlled shutdown); the data dirs stay. */
    @Override
    public synchronized void close() {
        try {
            List<Throwable> failures = inParallel("stop", nodes.stream().filter(KafkaNode::isRunning).toList(),
                    KafkaNode::stop);
            if (!failures.isEmpty()) {
                LOG.warn("Kafka cluster: {} node(s) failed to stop cleanly", failures.size(), failures.get(0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started = false;
        LOG.info("Kafka cluster at {} stopped", bootstrapServers());
    }

    /**
     * One start of every node on fresh candidates for its free ports: all nodes at once, since each waits for a
     * majority of the voters. When one fails, those that started are stopped again and the failure is thrown: a taken
     * port only when no node failed for another reason. A node that started keeps the ports it bound for the next
     * attempt (it has just released them); a node that failed picks fresh candidates again.
     */
    private void startAllOnce() throws InterruptedException {
        List<BrokerSettings> candidates = nodes.stream().map(KafkaNode::candidate).toList();
        String voters = voters(candidates);
        List<Throwable> failures = inParallel("start", nodes, node ->
                node.start(candidates.get(node.nodeId() - 1), voters));
        if (failures.isEmpty()) {
            return;
        }
        List<Throwable> stopFailures = inParallel("stop", nodes.stream().filter(KafkaNode::isRunning).toList(),
                KafkaNode::stop);
        Throwable first = failures.stream().filter(f -> !BindFailure.isPortTaken(f)).findFirst().orElse(failures.get(0));
        failures.stream().filter(f -> f != first).forEach(first::addSuppressed);
        stopFailures.forEach(first::addSuppressed);
        if (first instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) first;
    }

    /** {@code controller.quorum.voters} of the nodes with {@code settings}' ports (in node id order). */
    private String voters(List<BrokerSettings> settings) {
        return nodes.stream().map(node -> node.voter(settings.get(node.nodeId() - 1))).collect(Collectors.joining(","));
    }

    /** The client listeners of the running brokers, for an admin client (all of them when none runs). */
    private String runningBootstrapServers() {
        String running = nodes.stream().filter(KafkaNode::isRunning).map(KafkaNode::bootstrapServers)
                .collect(Collectors.joining(","));
        return running.isEmpty() ? bootstrapServers() : running;
    }

    private KafkaNode node(int brokerId) {
        if (brokerId < 1 || brokerId > nodes.size()) {
            throw new IllegalArgumentException("no broker " + brokerId + ": the brokers are " + brokerIds());
        }
        return nodes.get(brokerId - 1);
    }

    /** The cluster id a node's storage was formatted with, when one was (a cluster started before on this root). */
    private Optional<String> formattedClusterId() {
        for (KafkaNode node : nodes) {
            Path meta = node.logDir().resolve("meta.properties");
            if (Files.exists(meta)) {
                Properties props = new Properties();
                try (InputStream in = Files.newInputStream(meta)) {
                    props.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + meta, e);
                }
                return Optional.ofNullable(props.getProperty("cluster.id"));
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code step} on each of {@code targets} in a thread of its own and waits for all of them (an interrupt is
     * kept until they are done: a node's start or stop cannot be abandoned halfway); returns what they threw.
     */
    private static List<Throwable> inParallel(String action, List<KafkaNode> targets, Consumer<KafkaNode> step)
            throws InterruptedException {
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (KafkaNode node : targets) {
            Thread thread = new Thread(() -> {
                try {
                    step.accept(node);
                } catch (Throwable t) {
                    synchronized (failures) {
                        failures.add(t);
                    }
                }
            }, "kafka-node-" + node.nodeId() + "-" + action);
            threads.add(thread);
            thread.start();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            throw new InterruptedException("interrupted while the Kafka nodes were asked to " + action);
        }
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }
}
