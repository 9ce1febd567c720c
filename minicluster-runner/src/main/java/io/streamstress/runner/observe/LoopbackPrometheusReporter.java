package io.streamstress.runner.observe;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.prometheus.AbstractPrometheusReporter;

/**
 * Flink's own metrics for Prometheus, translated by {@code flink-metrics-prometheus}
 * ({@link AbstractPrometheusReporter}) but served on the loopback interface: Flink's {@code PrometheusReporter}
 * binds every interface and has no option to choose one. In a MiniCluster the JobManager and every
 * TaskManager share one metric registry, so one port serves them all. When the harness holds the port already
 * ({@link HeldMetricsPort}), the reporter serves on that bound socket rather than binding the port again.
 */
public final class LoopbackPrometheusReporter extends AbstractPrometheusReporter {

    /** The reporter's option for the port (as Flink's own reporter names it). */
    public static final String PORT = "port";

    private HTTPServer server;

    @Override
    public void open(MetricConfig config) {
        super.open(config);
        int port = config.getInteger(PORT, 0);
        try {
            Optional<HttpServer> held = HeldMetricsPort.take(port);
            server = held.isPresent()
                    ? new HTTPServer(held.get(), registry(), true)
                    : new HTTPServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), registry(), true);
            log.info("Serving Flink's metrics on http://127.0.0.1:{}/metrics", server.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve Flink's metrics on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** The registry {@link AbstractPrometheusReporter} fills (package-private there, hence the reflection). */
    private CollectorRegistry registry() {
        try {
            Field field = AbstractPrometheusReporter.class.getDeclaredField("registry");
            field.setAccessible(true);
            return (CollectorRegistry) field.get(this);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("flink-metrics-prometheus changed: no metric registry to serve", e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
        super.close();
    }
}
