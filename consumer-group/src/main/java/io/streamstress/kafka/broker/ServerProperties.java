package io.streamstress.kafka.broker;

import java.util.Properties;

/**
 * The {@code server.properties} of a single KRaft node (broker and controller) with the embedded broker's settings
 * and tuning, for a broker that runs elsewhere than in this JVM: Kafka's own {@code kafka.Kafka} in a container, say.
 * Its listeners bind on {@link BrokerSettings#host()}; where clients reach them goes in the overrides
 * ({@code advertised.listeners}) when that host is a wildcard.
 */
public final class ServerProperties {

    /** The name of the client listener the other brokers and in-network clients use. */
    public static final String CLIENT_LISTENER = KafkaNode.CLIENT_LISTENER;

    private ServerProperties() {}

    /** The properties of node 1, the only voter of its quorum, with {@code settings}' ports and overrides. */
    public static Properties singleNode(BrokerSettings settings) {
        return KafkaNode.properties(1, settings, "1@" + settings.host() + ":" + settings.controllerPort());
    }
}
