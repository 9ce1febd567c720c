package io.streamstress.runner.observe;

import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/** Creates the {@link LoopbackPrometheusReporter}; registered in {@code META-INF/services}. */
public final class LoopbackPrometheusReporterFactory implements MetricReporterFactory {

    /** The reporter's name in Flink's configuration ({@code metrics.reporter.<name>.*}). */
    public static final String NAME = "streamstress_prom";

    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new LoopbackPrometheusReporter();
    }

    /** Configures a cluster to serve Flink's metrics on {@code 127.0.0.1:port}. */
    public static void configure(Configuration config, int port) {
        String prefix = "metrics.reporter." + NAME + ".";
        config.setString(prefix + "factory.class", LoopbackPrometheusReporterFactory.class.getName());
        config.setString(prefix + LoopbackPrometheusReporter.PORT, String.valueOf(port));
    }
}
