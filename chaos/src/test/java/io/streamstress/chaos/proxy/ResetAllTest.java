package io.streamstress.chaos.proxy;

import static io.streamstress.chaos.proxy.ProxyFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** resetAll: every open connection is cut with TCP RST on both sides; new ones work. */
class ResetAllTest {

    @RegisterExtension
    final ProxyFixture fixture = new ProxyFixture();

    @Test
    void resetsEveryConnectionOnBothSidesWithRst() throws Exception {
        // Given two working connections
        TestingClient first = fixture.client();
        TestingClient second = fixture.client();
        first.echo("ONE\n");
        second.echo("TWO\n");

        // When
        int reset = fixture.proxy().resetAll();

        // Then both clients see a reset, not a clean end of stream, and so do the upstream's sides
        assertThat(reset).as("connections reset").isEqualTo(2);
        assertThatThrownBy(() -> first.read(1)).as("read on the first client")
                .isInstanceOf(SocketException.class).hasMessageContaining("Connection reset");
        assertThatThrownBy(() -> second.read(1)).as("read on the second client")
                .isInstanceOf(SocketException.class).hasMessageContaining("Connection reset");
        eventually("the upstream sees both connections reset", () -> fixture.echo().connectionsReset() == 2);
        eventually("no connection is open", () -> fixture.proxy().stats().openConnections() == 0);
        assertThat(fixture.proxy().stats().connectionsReset()).as("resets counted").isEqualTo(2);
    }

    @Test
    void newConnectionsAfterTheResetWork() throws Exception {
        // Given
        fixture.client().echo("ONE\n");
        fixture.proxy().resetAll();

        // When
        TestingClient next = fixture.client();

        // Then
        assertThat(next.echo("AGAIN\n")).as("echo on a new connection").isEqualTo("AGAIN\n");
        eventually("only the new connection is open", () -> fixture.proxy().stats().openConnections() == 1);
        assertThat(fixture.proxy().resetAll()).as("a second reset cuts only the new one").isEqualTo(1);
    }
}
