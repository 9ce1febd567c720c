package io.streamstress.runner.infra.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Chooses the JobManager's RPC and REST ports. A port is only a candidate: something else may take it before
 * the JobManager binds it, which is why a start that fails for a taken port starts again on fresh candidates
 * ({@link LocalClusterSettings#bindAttempts()}). Tests pass a picker whose first candidate is a port they hold,
 * to show that retry.
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
