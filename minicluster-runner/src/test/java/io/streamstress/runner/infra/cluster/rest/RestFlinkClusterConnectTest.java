package io.streamstress.runner.infra.cluster.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.streamstress.runner.infra.HarnessException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link RestFlinkCluster#connect} says of a URL where no Flink of this line answers: nothing listening,
 * a listener that never answers, an HTTP server that is not Flink, a Flink of another version.
 */
class RestFlinkClusterConnectTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Generous: the connect timeout plus the time a loaded machine needs to notice it. */
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningIsAClearError() throws Exception {
        // Given a loopback port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RestUrl url = new RestUrl("127.0.0.1", port);

        // When the harness connects
        // Then it says nothing answers there and what to check
        assertThatThrownBy(() -> RestFlinkCluster.connect(url, TIMEOUT, Optional.empty())).as("connect")
                .isInstanceOf(HarnessException.class)
                .hasMessageContaining("nothing answers at http://127.0.0.1:" + port)
                .hasMessageContaining("rest.port");
    }

    @Test
    void aListenerThatNeverAnswersTimesOutWithinTheConnectTimeout() throws Exception {
        // Given a socket that accepts connections and never answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RestUrl url = new RestUrl("127.0.0.1", silent.getLocalPort());

            // When the harness connects with a 1 s timeout
            long start = System.nanoTime();
            assertThatThrownBy(() -> RestFlinkCluster.connect(url, TIMEOUT, Optional.empty())).as("connect")
                    .isInstanceOf(HarnessException.class)
                    .hasMessageContaining("did not answer within 1 s");

            // Then it gave up within about that time
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to give up").isLessThan(WITHIN);
        }
    }

    @Test
    void anHttpServerThatIsNotFlinkIsNamedSo() throws Exception {
        // Given an HTTP server without Flink's /config
        RestUrl url = serve(404, "not here");

        // When the harness connects
        // Then it asks whether the URL is a JobManager's REST address
        assertThatThrownBy(() -> RestFlinkCluster.connect(url, TIMEOUT, Optional.empty())).as("connect")
                .isInstanceOf(HarnessException.class)
                .hasMessageContaining("answered GET /config with HTTP 404")
                .hasMessageContaining("Flink JobManager's REST address");
    }

    @Test
    void aFlinkOfAnotherVersionLineIsAOneLineUsageError() throws Exception {
        // Given a server that answers /config as a Flink 1.20 JobManager does
        RestUrl url = serve(200, "{\"refresh-interval\":3000,\"flink-version\":\"1.20.1\",\"flink-revision\":\"abc\"}");

        // When the harness connects
        // Then it refuses with the usage error that names both versions
        assertThatThrownBy(() -> RestFlinkCluster.connect(url, TIMEOUT, Optional.empty())).as("connect")
                .isInstanceOf(ClusterVersionMismatchException.class)
                .hasMessageStartingWith("the Flink cluster at " + url + " runs Flink 1.20.1, but this stress.jar is built "
                        + "for Flink 2.2.x");
    }

    /** An HTTP server on loopback answering every request with {@code status} and {@code body}. */
    private RestUrl serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return new RestUrl("127.0.0.1", server.getAddress().getPort());
    }
}
