package io.streamstress.chaos.proxy;

import static io.streamstress.chaos.proxy.ProxyFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The blackhole: traffic hangs without closing anything, and flows on, in order, once restored. */
class BlackholeTest {

    private static final Duration SILENCE = Duration.ofMillis(500);

    @RegisterExtension
    final ProxyFixture fixture = new ProxyFixture();

    @Test
    void trafficHangsOnOpenAndNewConnectionsUntilRestored() throws Exception {
        // Given a connection that works
        TestingClient open = fixture.client();
        open.echo("PING\n");

        // When the blackhole is on and both it and a new connection send
        fixture.proxy().blackhole();
        TestingClient opened = fixture.client();
        open.send("HELD\n");
        opened.send("NEW\n");

        // Then nothing comes back, nothing reaches the upstream, and neither socket is closed or reset
        assertThatThrownBy(() -> open.read(5, SILENCE)).as("read during the blackhole")
                .isInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> opened.read(4, Duration.ofMillis(50))).as("read on a new connection")
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(fixture.echo().linesReceived()).as("lines the upstream received").isEqualTo(1);
        assertThat(fixture.proxy().isBlackholed()).as("blackholed").isTrue();
        assertThat(open.isClosed()).as("client closed").isFalse();
        assertThat(fixture.proxy().stats().openConnections()).as("open connections").isEqualTo(2);

        // When restored
        fixture.proxy().restore();

        // Then the held requests go on and their replies arrive
        assertThat(open.read(5)).as("held reply").isEqualTo("HELD\n");
        assertThat(opened.read(4)).as("reply on the new connection").isEqualTo("NEW\n");
        assertThat(open.echo("AFTER\n")).as("echo after the restore").isEqualTo("AFTER\n");
    }

    @Test
    void aReplyAlreadyReadIsHeldAndDeliveredOnRestore() throws Exception {
        // Given the upstream's reply is in the proxy, delayed by latency, when the blackhole goes on
        TestingClient client = fixture.client();
        client.echo("PING\n");
        fixture.proxy().latency(Duration.ofMillis(300), Duration.ZERO);
        client.send("DELAYED\n");
        eventually("the upstream sent the reply", () -> fixture.echo().bytesEchoed() == "PING\nDELAYED\n".length());

        // When
        fixture.proxy().blackhole();

        // Then it does not arrive, even well after its delay is over, until the restore
        assertThatThrownBy(() -> client.read(8, SILENCE)).as("read of a held reply")
                .isInstanceOf(SocketTimeoutException.class);
        fixture.proxy().restore();
        assertThat(client.read(8)).as("held reply after the restore").isEqualTo("DELAYED\n");
    }
}
