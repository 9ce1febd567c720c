package io.streamstress.runner.chaos;

import io.streamstress.chaos.target.KafkaBrokers;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.kafka.broker.EmbeddedKafkaCluster;
import java.time.Duration;

/**
 * The Kafka a run's faults act on: its single embedded broker, or its three ({@code cluster}), holding {@code topic};
 * each is null when the run does not have it (external Kafka: both).
 *
 * @param leaderKills told of each killed leader's election, for its clock; null without three brokers
 */
public record KafkaTargets(EmbeddedKafkaBroker broker, EmbeddedKafkaCluster cluster, String topic, LeaderKills leaderKills) {

    /** The three brokers as a fault's target: the topic's leaders, a broker's kill and restart. */
    KafkaBrokers brokers() {
        return new KafkaBrokers() {
            @Override
            public int[] leaders() throws Exception {
                return cluster.leaders(topic);
            }

            @Override
            public void kill(int brokerId) {
                cluster.kill(brokerId);
            }

            @Override
            public void restart(int brokerId) {
                cluster.restart(brokerId);
            }

            @Override
            public void awaitInSync(Duration timeout) throws Exception {
                cluster.awaitInSync(topic, timeout);
            }
        };
    }
}
