package io.streamstress.kafka.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to run an {@link EmbeddedKafkaCluster}: {@code brokers} KRaft nodes in this JVM, each broker and controller, node
 * ids 1 to {@code brokers}, each with its data dir {@code node-ID} under {@code rootDir} and free ports on {@code host}.
 *
 * @param rootDir where the nodes' data dirs live (created if missing)
 * @param brokers how many nodes: 1, or 3 (a quorum of 3 voters keeps a majority when one node is killed)
 * @param host the address every listener binds to; loopback unless you mean to expose it
 * @param overrides extra broker properties for every node, applied after the cluster's defaults
 *     ({@link #defaults()})
 * @param portPicker chooses the candidates for the nodes' ports
 * @param bindAttempts how many times a start may bind all nodes on fresh candidates when a port turned out taken by
 *     the time a node bound it
 */
public record ClusterSettings(Path rootDir, int brokers, String host, Map<String, String> overrides,
        PortPicker portPicker, int bindAttempts) {

    /** The cluster sizes offered: one node, or three, whose quorum outlives one of them. */
    public static final Set<Integer> SIZES = Set.of(1, 3);

    /** Of three replicas, two must have a write (acks=all) for it to be taken: one broker may be down. */
    public static final int MIN_IN_SYNC_OF_THREE = 2;

    /**
     * How long a node's start may wait for its quorum and its controller: a node whose peers do not come up fails
     * after this instead of waiting forever (Kafka's default).
     */
    public static final long MAX_STARTUP_MS = 60_000;

    public ClusterSettings {
        Objects.requireNonNull(rootDir, "rootDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(portPicker, "portPicker");
        overrides = Map.copyOf(overrides);
        if (!SIZES.contains(brokers)) {
            throw new IllegalArgumentException("brokers must be 1 or 3, was " + brokers + ": every node is a controller "
                    + "too, and 2 voters lose their majority when one of them is killed");
        }
        if (bindAttempts < 1) {
            throw new IllegalArgumentException("bindAttempts must be at least 1, was " + bindAttempts);
        }
    }

    /** {@code brokers} nodes on loopback, free ports, the defaults, no overrides. */
    public static ClusterSettings loopback(Path rootDir, int brokers) {
        return new ClusterSettings(rootDir, brokers, BrokerSettings.DEFAULT_HOST, Map.of(), PortPicker.free(),
                BrokerSettings.DEFAULT_BIND_ATTEMPTS);
    }

    /** The same cluster with {@code more} broker properties for every node (a key in both takes {@code more}'s). */
    public ClusterSettings withOverrides(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(more);
        return new ClusterSettings(rootDir, brokers, host, merged, portPicker, bindAttempts);
    }

    /** The same cluster choosing the candidates for its ports with {@code picker}. */
    public ClusterSettings withPortPicker(PortPicker picker) {
        return new ClusterSettings(rootDir, brokers, host, overrides, picker, bindAttempts);
    }

    /**
     * The broker properties every node gets before {@link #overrides()}: every topic, the internal ones too, on all
     * {@link #brokers()} nodes, a write taken once {@value #MIN_IN_SYNC_OF_THREE} of 3 have it (1 of 1), no unclean
     * leader election (a replica out of sync never becomes leader: acked writes are not lost), no controlled shutdown
     * (a node stopped is a node crashed, see {@link EmbeddedKafkaCluster#kill}) and a bounded start.
     */
    public Map<String, String> defaults() {
        String replicas = String.valueOf(brokers);
        String minInSync = String.valueOf(brokers == 1 ? 1 : MIN_IN_SYNC_OF_THREE);
        return Map.ofEntries(
                Map.entry("default.replication.factor", replicas),
                Map.entry("min.insync.replicas", minInSync),
                Map.entry("offsets.topic.replication.factor", replicas),
                Map.entry("transaction.state.log.replication.factor", replicas),
                Map.entry("transaction.state.log.min.isr", minInSync),
                Map.entry("share.coordinator.state.topic.replication.factor", replicas),
                Map.entry("share.coordinator.state.topic.min.isr", minInSync),
                Map.entry("unclean.leader.election.enable", "false"),
                Map.entry("controlled.shutdown.enable", "false"),
                Map.entry("server.max.startup.time.ms", String.valueOf(MAX_STARTUP_MS)));
    }

    /**
     * The settings of node {@code nodeId} (1 to {@link #brokers()}): its data dir, free ports, the defaults, the
     * overrides.
     */
    public BrokerSettings node(int nodeId) {
        if (nodeId < 1 || nodeId > brokers) {
            throw new IllegalArgumentException("node ids are 1 to " + brokers + ", was " + nodeId);
        }
        return new BrokerSettings(rootDir.resolve("node-" + nodeId), host, 0, 0, defaults(), portPicker, bindAttempts)
                .withOverrides(overrides);
    }
}
