package io.streamstress.kafka.broker;

import com.yammer.metrics.core.Metered;
import com.yammer.metrics.core.Metric;
import java.util.Map;
import org.apache.kafka.server.metrics.KafkaMetricsGroup;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;

/**
 * What an in-process broker served, read from its own metrics ({@code BrokerTopicMetrics}, the figures behind
 * its JMX {@code kafka.server:type=BrokerTopicMetrics} beans): bytes of a topic sent to consumers.
 */
final class TopicTraffic {

    /** The group the broker registers its per-topic meters in (as {@code BrokerTopicMetrics} names it). */
    private static final KafkaMetricsGroup BROKER_TOPIC_METRICS = new KafkaMetricsGroup("kafka.server", "BrokerTopicMetrics");

    private TopicTraffic() {}

    /** Bytes of {@code topic} the running broker served to fetching clients since it started; 0 when none. */
    static long bytesOut(String topic) {
        Metric meter = KafkaYammerMetrics.defaultRegistry().allMetrics()
                .get(BROKER_TOPIC_METRICS.metricName("BytesOutPerSec", Map.of("topic", topic)));
        return meter instanceof Metered metered ? metered.count() : 0;
    }
}
