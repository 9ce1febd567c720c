package io.streamstress.kafka.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the embedded broker.
 *
 * @param dataDir where the KRaft metadata and the topic logs live (created if missing)
 * @param host the address both listeners bind to; loopback unless you mean to expose it
 * @param brokerPort client listener port, 0 for a free one
 * @param controllerPort controller listener port, 0 for a free one
 * @param overrides extra broker properties, applied last
 */
public record BrokerSettings(Path dataDir, String host, int brokerPort, int controllerPort, Map<String, String> overrides) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public BrokerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        overrides = Map.copyOf(overrides);
        if (brokerPort < 0 || brokerPort > 65535 || controllerPort < 0 || controllerPort > 65535) {
            throw new IllegalArgumentException("ports must be in [0, 65535] (0 picks a free port)");
        }
    }

    /** Loopback, free ports, no overrides. */
    public static BrokerSettings loopback(Path dataDir) {
        return new BrokerSettings(dataDir, DEFAULT_HOST, 0, 0, Map.of());
    }

    /** The same broker on fixed ports, e.g. to start it again on the same data dir. */
    public BrokerSettings withPorts(int broker, int controller) {
        return new BrokerSettings(dataDir, host, broker, controller, overrides);
    }
}
