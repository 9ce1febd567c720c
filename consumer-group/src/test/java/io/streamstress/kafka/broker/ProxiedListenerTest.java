package io.streamstress.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProxiedListenerTest {

    @Test
    void advertisedAtNamesTheDefaultListenerOnAFreePort() {
        // Given a proxy at 127.0.0.1:41000
        // When the listener is made for it
        ProxiedListener listener = ProxiedListener.advertisedAt("127.0.0.1", 41_000);

        // Then it is PROXIED, bound on a free port, advertised at the proxy
        assertThat(listener.name()).as("name").isEqualTo(ProxiedListener.DEFAULT_NAME);
        assertThat(listener.bindPort()).as("bind port: free").isZero();
        assertThat(listener.advertisedAddress()).as("advertised address").isEqualTo("127.0.0.1:41000");
        assertThat(listener.withBindPort(42_000).bindPort()).as("bind port once chosen").isEqualTo(42_000);
    }

    @Test
    void namesAndPortsTheBrokerCannotUseAreRefusedWithWhatToDo() {
        // Given listeners that clash with the broker's own, or cannot be advertised
        // Then each is refused, and the message says what to give instead
        assertThatThrownBy(() -> new ProxiedListener("CONTROLLER", 0, "127.0.0.1", 41_000))
                .as("the controller's name").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give another");
        assertThatThrownBy(() -> new ProxiedListener("PLAINTEXT", 0, "127.0.0.1", 41_000))
                .as("the client listener's name").hasMessageContaining("the broker's own");
        assertThatThrownBy(() -> new ProxiedListener("proxied", 0, "127.0.0.1", 41_000))
                .as("lower case").hasMessageContaining("upper case");
        assertThatThrownBy(() -> ProxiedListener.advertisedAt("127.0.0.1", 0))
                .as("no proxy port yet").hasMessageContaining("open the proxy's port first");
        assertThatThrownBy(() -> ProxiedListener.advertisedAt(" ", 41_000))
                .as("blank host").hasMessageContaining("where the proxy listens");
        assertThatThrownBy(() -> new ProxiedListener("PROXIED", 70_000, "127.0.0.1", 41_000))
                .as("bind port out of range").hasMessageContaining("0 picks a free port");
    }

    @Test
    void brokerSettingsKeepTheListenerWhenTheirPortsAreFixed() {
        // Given settings with a proxied listener bound on 42000
        BrokerSettings settings = BrokerSettings.loopback(Path.of("/tmp/kafka"))
                .withProxiedListener(ProxiedListener.advertisedAt("127.0.0.1", 41_000).withBindPort(42_000));

        // When the broker's other ports are fixed, as a restart does
        BrokerSettings fixed = settings.withPorts(9092, 9093);

        // Then the proxied listener stays, with its bind port
        assertThat(fixed.proxiedListener()).as("proxied listener").contains(new ProxiedListener("PROXIED", 42_000,
                "127.0.0.1", 41_000));
        assertThat(BrokerSettings.loopback(Path.of("/tmp/kafka")).proxiedListener()).as("none by default").isEmpty();
    }
}
