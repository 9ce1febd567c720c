package io.streamstress.kafka.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Chooses a port for a listener of the embedded broker that was asked for a free one (port 0). The port is
 * only a candidate: something else may take it before the broker binds, which is why the broker retries a
 * taken port on fresh candidates ({@link BrokerSettings#bindAttempts()}). Tests pass a picker whose first
 * candidate is a port they hold, to show that retry.
 */
@FunctionalInterface
public interface PortPicker {

    /** A port on {@code host} that is likely free. */
    int pick(String host);

    /** Asks the operating system for a free port (binds port 0 and closes the socket again). */
    static PortPicker free() {
        return host -> {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on " + host, e);
            }
        };
    }
}
