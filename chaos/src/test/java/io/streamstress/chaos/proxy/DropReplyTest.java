package io.streamstress.chaos.proxy;

import static io.streamstress.chaos.proxy.ProxyFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** dropReplyToNext: the request reaches the upstream and applies, its reply is lost and the connection reset. */
class DropReplyTest {

    private static final String SCRIPT_CALL = "EVALSHA 3f2a 1 key\n";

    @RegisterExtension
    final ProxyFixture fixture = new ProxyFixture();

    @Test
    void theRequestAppliesButItsReplyIsLostAndTheConnectionReset() throws Exception {
        // Given a working connection and the toxic armed for script calls
        TestingClient client = fixture.client();
        client.echo("SET key 1\n");
        CompletableFuture<LostReply> lost = fixture.proxy().dropReplyToNext(RequestMatchers.containing("EVALSHA"));

        // When a request that does not match goes, then one that does
        String otherReply = client.echo("GET key\n");
        client.send(SCRIPT_CALL);

        // Then the upstream received the script call, the client never gets its reply but a reset
        assertThat(otherReply).as("reply to a request that does not match").isEqualTo("GET key\n");
        assertThatThrownBy(() -> client.read(1)).as("read after the script call")
                .isInstanceOf(SocketException.class).hasMessageContaining("Connection reset");
        assertThat(fixture.echo().linesReceived()).as("requests the upstream received").isEqualTo(3);
        LostReply reply = lost.get(5, TimeUnit.SECONDS);
        assertThat(reply.bytesDropped()).as("bytes dropped").isEqualTo(SCRIPT_CALL.length());
        assertThat(reply.replyDroppedAt()).as("dropped at").isAfterOrEqualTo(reply.requestForwardedAt());
        eventually("the upstream side is reset too", () -> fixture.echo().connectionsReset() == 1);
        assertThat(fixture.proxy().stats().bytesToClients()).as("bytes delivered to the client")
                .isEqualTo("SET key 1\nGET key\n".length());
    }

    @Test
    void itIsOneShot() throws Exception {
        // Given a reply already lost
        CompletableFuture<LostReply> lost = fixture.proxy().dropReplyToNext(RequestMatchers.containing("EVALSHA"));
        fixture.client().send(SCRIPT_CALL);
        lost.get(5, TimeUnit.SECONDS);

        // When the same request goes again on a new connection
        TestingClient next = fixture.client();

        // Then its reply arrives
        assertThat(next.echo(SCRIPT_CALL)).as("reply to the second script call").isEqualTo(SCRIPT_CALL);
    }

    @Test
    void cancellingTheFutureDisarmsIt() throws Exception {
        // Given
        TestingClient client = fixture.client();
        CompletableFuture<LostReply> lost = fixture.proxy().dropReplyToNext(RequestMatchers.containing("EVALSHA"));

        // When
        lost.cancel(false);

        // Then
        assertThat(client.echo(SCRIPT_CALL)).as("reply to the script call").isEqualTo(SCRIPT_CALL);
        assertThat(fixture.proxy().dropReplyToNext(RequestMatchers.containing("EVALSHA")))
                .as("a new toxic may be armed").isNotDone();
    }

    @Test
    void onlyOneMayBeArmed() {
        // Given
        fixture.proxy().dropReplyToNext(RequestMatchers.containing("EVALSHA"));

        // When, Then
        assertThatThrownBy(() -> fixture.proxy().dropReplyToNext(RequestMatchers.containing("SET")))
                .as("arming a second").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wait for its future, or cancel it");
    }

    @Test
    void closingTheProxyFailsAnArmedToxic() {
        // Given
        CompletableFuture<LostReply> lost = fixture.proxy().dropReplyToNext(RequestMatchers.containing("EVALSHA"));

        // When
        fixture.proxy().close();

        // Then
        assertThat(lost).as("armed toxic after close").isCompletedExceptionally();
    }
}
