package io.streamstress.runner.observe;

import io.streamstress.kafka.client.KafkaClientProperties;
import io.streamstress.kafka.topic.TopicAdmin;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the consumer lag of the job's group once a second on its own thread (the broker may be slow or
 * down during a fault) and keeps the last value; unknown while the broker does not answer.
 */
public final class LagProbe implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private final TopicAdmin admin;
    private final String group;
    private final String topic;
    private final int partitions;
    private final ScheduledExecutorService timer = Daemons.timer("streamstress-lag-probe");
    private volatile long lag = -1;

    /** @param client the user's client properties (SASL, TLS) */
    public LagProbe(String bootstrapServers, KafkaClientProperties client, String group, String topic, int partitions) {
        this.admin = new TopicAdmin(bootstrapServers, CALL_TIMEOUT, client);
        this.group = group;
        this.topic = topic;
        this.partitions = partitions;
    }

    public LagProbe start() {
        timer.scheduleWithFixedDelay(this::probe, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    private void probe() {
        try {
            long sum = 0;
            for (long partitionLag : admin.consumerLag(group, topic, partitions)) {
                sum += partitionLag;
            }
            lag = sum;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            lag = -1;
        }
    }

    /** The last lag read, empty while the broker did not answer. */
    public OptionalLong lag() {
        long current = lag;
        return current < 0 ? OptionalLong.empty() : OptionalLong.of(current);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close();
    }
}
