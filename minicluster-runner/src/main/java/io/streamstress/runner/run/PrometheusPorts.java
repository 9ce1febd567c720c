package io.streamstress.runner.run;

import io.streamstress.runner.config.StressConfig;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.observe.HeldMetricsPort;
import io.streamstress.runner.observe.LiveStatus;
import io.streamstress.runner.observe.LoopbackPrometheusReporterFactory;
import io.streamstress.runner.observe.MetricsEndpoint;
import io.streamstress.runner.observe.VerifiedCounts;
import io.streamstress.runner.infra.cluster.ClusterKind;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.prometheus.PrometheusReporterFactory;
import org.apache.flink.configuration.Configuration;

/**
 * The run's two Prometheus ports, with {@code --metrics-port PORT}: the harness's metrics on PORT, Flink's own
 * on PORT + 1. Each is bound before the job starts, and a taken one is one line and exit code 1.
 */
final class PrometheusPorts {

    /** Reporter ports beyond one per TaskManager: the JobManager's, and the spares started by faults. */
    static final int SPARE_REPORTER_PORTS = 8;

    private PrometheusPorts() {}

    /**
     * Binds Flink's metrics port ({@code --metrics-port + 1}) now, before the MiniCluster starts, and holds it
     * for Flink's reporter, which serves on it once the MiniCluster is up; null with {@code --metrics-port 0}.
     * A port probed now and bound later could be taken in between (the MiniCluster's own ports among others),
     * and the reporter could only log that.
     */
    static HeldMetricsPort holdFlinkPort(StressConfig config) throws HarnessException {
        if (config.metricsPort() == 0 || config.cluster().kind() != ClusterKind.EMBEDDED) {
            return null;
        }
        int flinkPort = config.metricsPort() + 1;
        try {
            return HeldMetricsPort.bind(flinkPort);
        } catch (IOException e) {
            throw new HarnessException("cannot serve Flink's metrics on 127.0.0.1:" + flinkPort + " (--metrics-port + 1): "
                    + e.getMessage(), e);
        }
    }

    /** The harness's Prometheus endpoint, or null with {@code --metrics-port 0}. */
    static MetricsEndpoint startHarnessEndpoint(StressConfig config, Console console, LiveStatus status,
            VerifiedCounts verified) throws HarnessException {
        if (config.metricsPort() == 0) {
            return null;
        }
        try {
            MetricsEndpoint endpoint = MetricsEndpoint.start(config.metricsPort(), status, config.messages(), verified);
            String flink = switch (config.cluster().kind()) {
                case EMBEDDED -> String.format("Flink's on http://127.0.0.1:%d/metrics", config.metricsPort() + 1);
                case LOCAL -> String.format("Flink's processes' on ports %d-%d (one each)", config.metricsPort() + 1,
                        config.metricsPort() + 1 + config.taskManagers() + SPARE_REPORTER_PORTS);
                case DOCKER -> "Flink's are not published from the containers";
                case REMOTE -> "Flink's are your cluster's own";
            };
            console.line("Prometheus: the harness's metrics on http://127.0.0.1:%d/metrics, %s", endpoint.port(), flink);
            return endpoint;
        } catch (IOException e) {
            throw new HarnessException("cannot serve metrics on 127.0.0.1:" + config.metricsPort() + " (--metrics-port): "
                    + e.getMessage(), e);
        }
    }

    /**
     * The local cluster's configuration: {@code -D} options, and when asked for, Flink's own Prometheus reporter
     * in every process on the ports from {@code --metrics-port + 1} up (one per process, each takes the first
     * free one of the range: the JobManager, the TaskManagers and their spares).
     */
    static Map<String, String> localClusterConfiguration(StressConfig config) {
        Map<String, String> cluster = new HashMap<>(config.flinkConfig());
        if (config.metricsPort() > 0) {
            int first = config.metricsPort() + 1;
            int last = first + config.taskManagers() + SPARE_REPORTER_PORTS;
            cluster.putIfAbsent("metrics.reporter.prom.factory.class", PrometheusReporterFactory.class.getName());
            cluster.putIfAbsent("metrics.reporter.prom.port", first + "-" + last);
        }
        return cluster;
    }

    /** The MiniCluster's configuration: {@code -D} options, and Flink's Prometheus reporter when asked for. */
    static Configuration clusterConfiguration(StressConfig config) {
        Configuration cluster = Configuration.fromMap(config.flinkConfig());
        if (config.metricsPort() > 0) {
            LoopbackPrometheusReporterFactory.configure(cluster, config.metricsPort() + 1);
        }
        return cluster;
    }
}
