package io.streamstress.kafka.broker;

import com.yammer.metrics.core.Metered;
import com.yammer.metrics.core.Metric;
import com.yammer.metrics.core.MetricName;
import java.util.Map;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;

/**
 * What an in-process broker served, read from its own metrics ({@code BrokerTopicMetrics}, the figures behind
 * its JMX {@code kafka.server:type=BrokerTopicMetrics} beans): bytes of a topic sent to consumers.
 */
final class TopicTraffic {

    private static final String BYTES_OUT = "kafka.server:type=BrokerTopicMetrics,name=BytesOutPerSec,topic=";

    private TopicTraffic() {}

    /** Bytes of {@code topic} the running broker served to fetching clients since it started; 0 when none. */
    static long bytesOut(String topic) {
        String bean = BYTES_OUT + topic;
        for (Map.Entry<MetricName, Metric> metric : KafkaYammerMetrics.defaultRegistry().allMetrics().entrySet()) {
            if (bean.equals(metric.getKey().getMBeanName()) && metric.getValue() instanceof Metered meter) {
                return meter.count();
            }
        }
        return 0;
    }
}
