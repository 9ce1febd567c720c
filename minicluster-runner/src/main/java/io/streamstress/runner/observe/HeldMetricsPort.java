package io.streamstress.runner.observe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flink's metrics port, bound by the harness before the MiniCluster starts and handed over to the
 * {@link LoopbackPrometheusReporter} that Flink creates in this JVM when the MiniCluster starts. Holding the
 * bound socket from the harness's check on leaves nothing (the MiniCluster's own ports, another process) a
 * moment to take it in between: a port that is taken is found before the job, as one line and exit code 1,
 * and a port that was free is served.
 */
public final class HeldMetricsPort implements AutoCloseable {

    /** Bound but not yet serving, by port: what {@link #take(int)} hands to the reporter. */
    private static final Map<Integer, HttpServer> HELD = new ConcurrentHashMap<>();

    private final int port;
    private final HttpServer server;

    private HeldMetricsPort(int port, HttpServer server) {
        this.port = port;
        this.server = server;
    }

    /**
     * Binds {@code 127.0.0.1:port} and holds it for the reporter.
     *
     * @throws IOException when the port cannot be bound (taken, or not allowed)
     */
    public static HeldMetricsPort bind(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        if (HELD.putIfAbsent(port, server) != null) {
            release(server);
            throw new IOException("port " + port + " is already held for Flink's metrics in this JVM");
        }
        return new HeldMetricsPort(port, server);
    }

    /** The bound server held for {@code port}, handed over once: from then on its taker serves and stops it. */
    static Optional<HttpServer> take(int port) {
        return Optional.ofNullable(HELD.remove(port));
    }

    public int port() {
        return port;
    }

    /** Releases the port unless the reporter took it (then the reporter's own close stops it). */
    @Override
    public void close() {
        if (HELD.remove(port, server)) {
            release(server);
        }
    }

    /**
     * Stops a server that never served. Its listening channel is registered with its dispatcher's selector,
     * and such a channel's socket closes only at that selector's next selection: started, the dispatcher runs
     * one, so the port is free when {@code stop} returns.
     */
    private static void release(HttpServer server) {
        server.start();
        server.stop(0);
    }
}
