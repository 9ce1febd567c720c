package io.streamstress.kafka.topic;

import io.streamstress.kafka.client.KafkaClientProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Creates the load topic, reads its end offsets, its partitions' replicas and a group's lag, through one Kafka
 * {@link Admin} client.
 */
public final class TopicAdmin implements AutoCloseable {

    /** How long a call may take before the broker counts as unreachable. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final long LEADER_POLL_MS = 50;

    private final String bootstrapServers;
    private final Duration timeout;
    private final Admin admin;

    public TopicAdmin(String bootstrapServers, Duration timeout) {
        this(bootstrapServers, timeout, KafkaClientProperties.NONE);
    }

    /** With the user's client properties ({@code --kafka-config}: SASL, TLS) on top of its own. */
    public TopicAdmin(String bootstrapServers, Duration timeout, KafkaClientProperties client) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "streamstress-admin");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 10_000));
        this.admin = Admin.create(client.applyTo(props));
    }

    /**
     * Waits until the cluster answers.
     *
     * @throws KafkaUnavailableException when it does not answer within the timeout
     */
    public String awaitReachable() throws KafkaUnavailableException, InterruptedException {
        return call("reach Kafka", admin.describeCluster().clusterId());
    }

    /**
     * Creates {@code topic} with {@code partitions} partitions and the given replication factor; returns once
     * every partition's leader serves requests.
     */
    public void createTopic(String topic, int partitions, short replication)
            throws KafkaUnavailableException, InterruptedException {
        createTopic(topic, partitions, Optional.of(replication));
    }

    /**
     * Creates {@code topic} as {@link #createTopic(String, int, short)} does, with the brokers'
     * {@code default.replication.factor} when {@code replication} is empty.
     */
    public void createTopic(String topic, int partitions, Optional<Short> replication)
            throws KafkaUnavailableException, InterruptedException {
        call("create topic " + topic,
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), replication))).all());
        awaitLeaders(topic, partitions);
    }

    /**
     * Waits until every partition's leader serves requests: each answers a ListOffsets. The controller has made
     * the topic before its leaders take up leadership, and an idempotent producer whose first batch meets
     * NOT_LEADER_OR_FOLLOWER while its next batches are accepted retries that batch into OUT_OF_ORDER_SEQUENCE
     * until its delivery timeout (seen on a loaded 2-core machine). Until the brokers know the topic, the admin
     * client fails the call with a retriable error: it is asked again.
     */
    private void awaitLeaders(String topic, int partitions) throws KafkaUnavailableException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                endOffsets(topic, partitions);
                return;
            } catch (KafkaUnavailableException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(LEADER_POLL_MS);
            }
        }
    }

    /** Deletes {@code topics} (their data goes once the broker's file-delete delay has passed). */
    public void deleteTopics(Collection<String> topics) throws KafkaUnavailableException, InterruptedException {
        call("delete topics " + topics, admin.deleteTopics(topics).all());
    }

    /**
     * Creates {@code topic} unless it exists; true when it was created.
     *
     * @throws KafkaUnavailableException when the broker cannot be reached, or an existing topic has another
     *     partition count than asked for
     */
    public boolean createTopicIfAbsent(String topic, int partitions, short replication)
            throws KafkaUnavailableException, InterruptedException {
        Set<String> names = call("list topics", admin.listTopics().names());
        if (!names.contains(topic)) {
            createTopic(topic, partitions, replication);
            return true;
        }
        int existing = call("describe topic " + topic, admin.describeTopics(List.of(topic)).allTopicNames())
                .get(topic).partitions().size();
        if (existing != partitions) {
            throw new KafkaUnavailableException("topic " + topic + " has " + existing + " partitions, not " + partitions
                    + ": give --partitions " + existing + " or another topic", null);
        }
        return false;
    }

    /**
     * The number of partitions of {@code topic}.
     *
     * @throws KafkaUnavailableException when the broker cannot be reached, or the topic does not exist
     */
    public int partitions(String topic) throws KafkaUnavailableException, InterruptedException {
        Set<String> names = call("list topics", admin.listTopics().names());
        if (!names.contains(topic)) {
            throw new KafkaUnavailableException("topic " + topic + " does not exist at " + bootstrapServers, null);
        }
        return call("describe topic " + topic, admin.describeTopics(List.of(topic)).allTopicNames())
                .get(topic).partitions().size();
    }

    /**
     * The partitions of {@code topic} as the cluster's metadata has them (leader, replicas, in-sync replicas), by
     * partition number.
     *
     * @throws KafkaUnavailableException when the cluster does not answer, or refuses (its cause says why: a
     *     {@link RetriableException}, such as the topic not known yet, may pass when asked again)
     */
    public List<TopicPartitionInfo> describePartitions(String topic)
            throws KafkaUnavailableException, InterruptedException {
        return call("describe topic " + topic, admin.describeTopics(List.of(topic)).allTopicNames())
                .get(topic).partitions();
    }

    /** The end offset of each partition of {@code topic}, indexed by partition. */
    public long[] endOffsets(String topic, int partitions) throws KafkaUnavailableException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        List<TopicPartition> order = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            order.add(tp);
            request.put(tp, OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                call("read end offsets of " + topic, admin.listOffsets(request).all());
        long[] offsets = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            offsets[p] = result.get(order.get(p)).offset();
        }
        return offsets;
    }

    /**
     * The consumer lag of {@code group} on {@code topic}, per partition: end offset minus the offset the group
     * committed (the whole partition when it committed nothing yet). A Flink {@code KafkaSource} commits on
     * checkpoint completion, so this is the work not yet covered by a completed checkpoint.
     */
    public long[] consumerLag(String group, String topic, int partitions)
            throws KafkaUnavailableException, InterruptedException {
        long[] end = endOffsets(topic, partitions);
        Map<TopicPartition, OffsetAndMetadata> committed =
                call("read the offsets of group " + group, admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        long[] lag = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            OffsetAndMetadata offset = committed.get(new TopicPartition(topic, p));
            lag[p] = Math.max(0, end[p] - (offset == null ? 0 : offset.offset()));
        }
        return lag;
    }

    private <T> T call(String what, KafkaFuture<T> future)
            throws KafkaUnavailableException, InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unreachable(what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                // The client's own API time-out (the same duration) can fire first.
                throw unreachable(what, cause);
            }
            throw new KafkaUnavailableException("could not " + what + " at " + bootstrapServers + ": "
                    + cause.getMessage(), cause);
        }
    }

    private KafkaUnavailableException unreachable(String what, Throwable cause) {
        return new KafkaUnavailableException("could not " + what + " at " + bootstrapServers + " within "
                + timeout.toSeconds() + " s: is the broker running and reachable?", cause);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
