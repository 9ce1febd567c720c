package io.streamstress.chaos.proxy;

import static io.streamstress.chaos.proxy.ProxyFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Latency on the upstream's replies: each is late by at least mean - jitter, and order holds. */
class LatencyTest {

    private static final Duration MEAN = Duration.ofMillis(300);
    private static final Duration JITTER = Duration.ofMillis(100);

    @RegisterExtension
    final ProxyFixture fixture = new ProxyFixture();

    @Test
    void repliesComeNoSoonerThanMeanMinusJitter() throws Exception {
        // Given
        TestingClient client = fixture.client();
        client.echo("PING\n");
        fixture.proxy().latency(MEAN, JITTER);

        // When
        long start = System.nanoTime();
        String reply = client.echo("SLOW\n");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // Then
        assertThat(reply).as("delayed reply").isEqualTo("SLOW\n");
        assertThat(took).as("time to the reply").isGreaterThanOrEqualTo(MEAN.minus(JITTER));
        assertThat(fixture.proxy().currentLatency()).as("latency").isEqualTo(new Latency(MEAN, JITTER));
    }

    @Test
    void jitteredRepliesKeepTheirOrder() throws Exception {
        // Given
        TestingClient client = fixture.client();
        fixture.proxy().latency(Duration.ofMillis(100), Duration.ofMillis(100));
        StringBuilder sent = new StringBuilder();

        // When requests go one by one, so the replies come back as separate chunks with their own delays
        long before = fixture.echo().linesReceived();
        for (int i = 0; i < 20; i++) {
            String line = "REQUEST " + i + "\n";
            client.send(line);
            sent.append(line);
            long expected = before + i + 1;
            eventually("the upstream received request " + i, () -> fixture.echo().linesReceived() == expected);
        }

        // Then
        assertThat(client.read(sent.length())).as("replies, in order").isEqualTo(sent.toString());
    }

    @Test
    void noLatencyEndsTheDelay() throws Exception {
        // Given
        TestingClient client = fixture.client();
        fixture.proxy().latency(MEAN, JITTER);

        // When
        fixture.proxy().noLatency();

        // Then
        assertThat(fixture.proxy().currentLatency().isNone()).as("no latency").isTrue();
        assertThat(client.echo("FAST\n")).as("reply").isEqualTo("FAST\n");
    }

    @Test
    void badLatenciesSayWhatToPass() {
        assertThatThrownBy(() -> new Latency(Duration.ofMillis(10), Duration.ofMillis(20))).as("jitter over the mean")
                .hasMessageContaining("at most the mean");
        assertThatThrownBy(() -> new Latency(Duration.ofMillis(-1), Duration.ZERO)).as("negative mean")
                .hasMessageContaining("pass a delay in that range");
        assertThatThrownBy(() -> new Latency(null, Duration.ZERO)).as("no mean")
                .hasMessageContaining("Duration.ZERO");
    }
}
