package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code --cluster URL} of a Flink of another version: one line on stderr and exit code 2, whatever started. */
class ClusterVersionMismatchITCase {

    @Test
    void aSessionClusterOfAnotherFlinkIsAUsageErrorOfOneLine() throws Exception {
        // Given a "Flink 1.20.1" answering GET /config and GET /overview on loopback
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] config = "{\"refresh-interval\":3000,\"flink-version\":\"1.20.1\",\"flink-revision\":\"abc\"}"
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/config", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, config.length);
            exchange.getResponseBody().write(config);
            exchange.close();
        });
        byte[] overview = "{\"taskmanagers\":1,\"slots-total\":2}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/overview", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, overview.length);
            exchange.getResponseBody().write(overview);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();

            // When a run is pointed at it
            CommandResult result = CommandResult.run("--cluster", url, "--messages", "1000", "--partitions", "2");

            // Then it stops with one line naming --cluster and both versions, exit code 2, no stack trace
            assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                    .isEqualTo(ExitCodes.USAGE);
            assertThat(result.errLines()).as("stderr").hasSize(1);
            assertThat(result.errLines().get(0)).as("the line")
                    .startsWith("stress.jar: --cluster: ")
                    .contains("1.20.1", "2.2")
                    .doesNotContain("Exception", "\tat ");
        } finally {
            server.stop(0);
        }
    }
}
