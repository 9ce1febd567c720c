package io.streamstress.chaos.proxy;

import static io.streamstress.chaos.proxy.ProxyFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The proxy without toxics: it forwards both ways, counts, and passes closes on. */
class FaultProxyTest {

    @RegisterExtension
    final ProxyFixture fixture = new ProxyFixture();

    @Test
    void passesBytesThroughBothWaysAndCountsThem() throws Exception {
        // Given
        TestingClient client = fixture.client();

        // When
        String reply = client.echo("PING\n");

        // Then
        assertThat(reply).as("echo through the proxy").isEqualTo("PING\n");
        assertThat(fixture.proxy().address().getAddress().getHostAddress()).as("listen address").isEqualTo("127.0.0.1");
        eventually("the reply is counted", () -> fixture.proxy().stats().bytesToClients() == 5);
        ProxyStats stats = fixture.proxy().stats();
        assertThat(stats.connectionsAccepted()).as("connections accepted").isEqualTo(1);
        assertThat(stats.openConnections()).as("open connections").isEqualTo(1);
        assertThat(stats.bytesToUpstream()).as("bytes to the upstream").isEqualTo(5);
        assertThat(stats.describe()).as("report line").isEqualTo("connections: 1 (1 open, 0 reset), 5 B up, 5 B down");
    }

    @Test
    void relaysMoreThanTheBuffersHoldInOrder() throws Exception {
        // Given 4 MiB of random bytes, more than socket and proxy buffers hold, so backpressure must work
        byte[] sent = new byte[4 << 20];
        new Random(7).nextBytes(sent);
        TestingClient client = fixture.client();

        // When a thread writes while this one reads the echo
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                client.send(sent);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] received = client.readBytes(sent.length, TestingClient.PATIENCE);

        // Then
        writing.get(5, TimeUnit.SECONDS);
        assertThat(received).as("echoed bytes, in order").isEqualTo(sent);
        assertThat(fixture.echo().bytesReceived()).as("bytes the upstream received").isEqualTo(sent.length);
    }

    @Test
    void aClientsCloseReachesTheUpstreamAsAnEndOfStream() throws Exception {
        // Given
        TestingClient client = fixture.client();
        client.echo("PING\n");

        // When
        client.close();

        // Then
        eventually("the upstream connection ends cleanly", () -> fixture.echo().connectionsEndedCleanly() == 1);
        eventually("no connection is open", () -> fixture.proxy().stats().openConnections() == 0);
        assertThat(fixture.echo().connectionsReset()).as("upstream connections reset").isZero();
    }

    @Test
    void aClientIsClosedWhenTheUpstreamCannotBeReached() throws Exception {
        // Given a proxy to a port nothing listens on
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        try (FaultProxy proxy = FaultProxy.start("dead", new InetSocketAddress("127.0.0.1", deadPort));
                TestingClient client = TestingClient.connect(proxy.address())) {

            // When
            client.send("PING\n");

            // Then
            assertThatThrownBy(() -> client.read(1)).as("read from a client whose upstream is down")
                    .isInstanceOfAny(EOFException.class, SocketException.class);
        }
    }

    @Test
    void listensOnTheGivenPort() throws Exception {
        // Given a port that was free a moment ago
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        // When
        try (FaultProxy proxy = FaultProxy.start("fixed", fixture.echo().address(), port);
                TestingClient client = TestingClient.connect(proxy.address())) {

            // Then
            assertThat(proxy.port()).as("port").isEqualTo(port);
            assertThat(proxy.name()).as("name").isEqualTo("fixed");
            assertThat(client.echo("PING\n")).as("echo").isEqualTo("PING\n");
        }
    }

    @Test
    void badSettingsSayWhatToPass() {
        InetSocketAddress upstream = fixture.echo().address();
        assertThatThrownBy(() -> FaultProxy.start(" ", upstream)).as("blank name")
                .hasMessageContaining("e.g. \"redis\"");
        assertThatThrownBy(() -> FaultProxy.start("x", upstream, 70_000)).as("port out of range")
                .hasMessageContaining("pass 0 for a free port");
        assertThatThrownBy(() -> FaultProxy.start("x", upstream, fixture.proxy().port())).as("port in use")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pass another port");
    }
}
