package io.streamstress.kafka.broker;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A second client listener of the embedded broker, for clients that reach it through a TCP proxy: the broker
 * binds it on its own port on {@link BrokerSettings#host()} and advertises it at the proxy's address. Kafka answers
 * a metadata request with the advertised address of the listener the request came in on, so a client that
 * bootstraps through the proxy is told to reach every broker through the proxy, and all its traffic goes
 * through it; clients of the plain listener are not affected. Security protocol PLAINTEXT.
 *
 * @param name the listener's name (upper case letters, digits and '_'), not one the broker already uses
 * @param bindPort the port the broker binds and the proxy forwards to, 0 for a free one (picked and retried like the
 *     broker's other ports)
 * @param advertisedHost where the proxy listens, as clients reach it
 * @param advertisedPort the proxy's port
 */
public record ProxiedListener(String name, int bindPort, String advertisedHost, int advertisedPort) {

    public static final String DEFAULT_NAME = "PROXIED";

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** The names the broker's own listeners have. */
    static final Set<String> TAKEN_NAMES = Set.of(KafkaNode.CLIENT_LISTENER, KafkaNode.CONTROLLER_LISTENER);

    public ProxiedListener {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("listener name must be upper case letters, digits and '_' (e.g. "
                    + DEFAULT_NAME + "), was '" + name + "'");
        }
        if (TAKEN_NAMES.contains(name)) {
            throw new IllegalArgumentException("listener name " + name + " is the broker's own: give another, e.g. "
                    + DEFAULT_NAME);
        }
        if (bindPort < 0 || bindPort > 65535) {
            throw new IllegalArgumentException("bindPort must be in [0, 65535] (0 picks a free port), was " + bindPort);
        }
        if (advertisedHost.isBlank()) {
            throw new IllegalArgumentException("advertisedHost must name where the proxy listens, e.g. 127.0.0.1");
        }
        if (advertisedPort < 1 || advertisedPort > 65535) {
            throw new IllegalArgumentException("advertisedPort must be the proxy's port, in [1, 65535], was "
                    + advertisedPort + ": open the proxy's port first, then advertise it");
        }
    }

    /** A listener named {@value #DEFAULT_NAME} on a free port, advertised at {@code host:port}. */
    public static ProxiedListener advertisedAt(String host, int port) {
        return new ProxiedListener(DEFAULT_NAME, 0, host, port);
    }

    /** The same listener bound on {@code port}, e.g. the one it bound before, to start the broker again. */
    public ProxiedListener withBindPort(int port) {
        return new ProxiedListener(name, port, advertisedHost, advertisedPort);
    }

    /** {@code host:port} where clients of this listener bootstrap: the proxy. */
    public String advertisedAddress() {
        return advertisedHost + ":" + advertisedPort;
    }
}
