package io.streamstress.runner.observe;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The harness's Prometheus endpoint: {@code http://127.0.0.1:PORT/metrics}, for as long as the run lasts. */
public final class MetricsEndpoint implements AutoCloseable {

    private final HTTPServer server;

    private MetricsEndpoint(HTTPServer server) {
        this.server = server;
    }

    /**
     * Serves the harness's metrics on the loopback interface.
     *
     * @throws IOException when the port cannot be bound (taken, or not allowed)
     */
    public static MetricsEndpoint start(int port, LiveStatus status, long expected, VerifiedCounts verified)
            throws IOException {
        CollectorRegistry registry = new CollectorRegistry(true);
        registry.register(new HarnessCollector(status, expected, verified));
        return new MetricsEndpoint(new HTTPServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), registry, true));
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
