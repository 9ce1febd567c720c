package io.streamstress.runner.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.flink.metrics.MetricConfig;
import org.junit.jupiter.api.Test;

class HeldMetricsPortTest {

    @Test
    void theReporterServesOnThePortTheHarnessHolds() throws Exception {
        // Given Flink's metrics port held by the harness: nobody else can bind it meanwhile
        try (HeldMetricsPort held = HeldMetricsPort.bind(freePort())) {
            assertThat(canBind(held.port())).as("held port bindable by others").isFalse();

            // When Flink opens the reporter on that port
            LoopbackPrometheusReporter reporter = new LoopbackPrometheusReporter();
            MetricConfig config = new MetricConfig();
            config.setProperty(LoopbackPrometheusReporter.PORT, String.valueOf(held.port()));
            reporter.open(config);
            try {
                // Then it serves on the held socket, and the harness's release leaves it serving
                held.close();
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + held.port() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("GET /metrics").isEqualTo(200);
            } finally {
                reporter.close();
            }
            // And its close releases the port
            assertThat(canBind(held.port())).as("port free after the reporter closed").isTrue();
        }
    }

    @Test
    void aHoldNobodyTookIsReleasedAndATakenPortCannotBeHeld() throws Exception {
        // Given a port held and released without a reporter taking it
        int port;
        try (HeldMetricsPort held = HeldMetricsPort.bind(freePort())) {
            port = held.port();
        }
        // Then it is free again
        assertThat(canBind(port)).as("port free after release").isTrue();

        // And a port something else listens on cannot be held
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> HeldMetricsPort.bind(taken.getLocalPort()).close()).as("holding a taken port")
                    .isInstanceOf(IOException.class);
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
