package io.streamstress.kafka.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the embedded broker.
 *
 * @param dataDir where the KRaft metadata and the topic logs live (created if missing)
 * @param host the address the listeners bind to; loopback unless you mean to expose it
 * @param brokerPort client listener port, 0 for a free one
 * @param controllerPort controller listener port, 0 for a free one
 * @param overrides extra broker properties, applied last
 * @param portPicker chooses the candidates for a port given as 0
 * @param bindAttempts how many times a start may bind on fresh candidates when a port given as 0 turned out
 *     to be taken by the time the broker bound it (a fixed port gets one attempt: its clients know it)
 * @param proxiedListener a second client listener, advertised at a proxy's address, if any
 */
public record BrokerSettings(Path dataDir, String host, int brokerPort, int controllerPort, Map<String, String> overrides,
        PortPicker portPicker, int bindAttempts, Optional<ProxiedListener> proxiedListener) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Attempts at binding free ports: a taken candidate is rare (1 run in ~36), five in a row are not expected. */
    public static final int DEFAULT_BIND_ATTEMPTS = 5;

    public BrokerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(portPicker, "portPicker");
        Objects.requireNonNull(proxiedListener, "proxiedListener (Optional.empty() for none)");
        overrides = Map.copyOf(overrides);
        if (brokerPort < 0 || brokerPort > 65535 || controllerPort < 0 || controllerPort > 65535) {
            throw new IllegalArgumentException("ports must be in [0, 65535] (0 picks a free port)");
        }
        if (bindAttempts < 1) {
            throw new IllegalArgumentException("bindAttempts must be at least 1, was " + bindAttempts);
        }
    }

    /** Settings without a proxied listener. */
    public BrokerSettings(Path dataDir, String host, int brokerPort, int controllerPort, Map<String, String> overrides,
            PortPicker portPicker, int bindAttempts) {
        this(dataDir, host, brokerPort, controllerPort, overrides, portPicker, bindAttempts, Optional.empty());
    }

    /** Loopback, free ports, no overrides. */
    public static BrokerSettings loopback(Path dataDir) {
        return new BrokerSettings(dataDir, DEFAULT_HOST, 0, 0, Map.of(), PortPicker.free(), DEFAULT_BIND_ATTEMPTS);
    }

    /**
     * The same broker on fixed ports, e.g. to start it again on the same data dir; a proxied listener keeps its
     * bind port (see {@link #withProxiedListener(ProxiedListener)} for that one).
     */
    public BrokerSettings withPorts(int broker, int controller) {
        return new BrokerSettings(dataDir, host, broker, controller, overrides, portPicker, bindAttempts, proxiedListener);
    }

    /** The same broker choosing the candidates for its free ports with {@code picker}. */
    public BrokerSettings withPortPicker(PortPicker picker) {
        return new BrokerSettings(dataDir, host, brokerPort, controllerPort, overrides, picker, bindAttempts,
                proxiedListener);
    }

    /** The same broker with {@code more} properties applied after its overrides (a key in both takes {@code more}'s). */
    public BrokerSettings withOverrides(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(more);
        return new BrokerSettings(dataDir, host, brokerPort, controllerPort, merged, portPicker, bindAttempts,
                proxiedListener);
    }

    /** The same broker with a second client listener ({@link ProxiedListener}). */
    public BrokerSettings withProxiedListener(ProxiedListener listener) {
        return new BrokerSettings(dataDir, host, brokerPort, controllerPort, overrides, portPicker, bindAttempts,
                Optional.of(listener));
    }

    /**
     * The same broker with a second client listener named {@value ProxiedListener#DEFAULT_NAME}, bound on a free
     * port and advertised at {@code advertisedHost:advertisedPort}, where a proxy listens and forwards to it.
     */
    public BrokerSettings withProxiedListener(String advertisedHost, int advertisedPort) {
        return withProxiedListener(ProxiedListener.advertisedAt(advertisedHost, advertisedPort));
    }
}
