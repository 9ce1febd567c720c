package io.streamstress.redis.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisDeltaSerializerTest {

    private final RedisDeltaSerializer serializer = new RedisDeltaSerializer();

    @Test
    void roundTrips() throws IOException {
        RedisDelta delta = new RedisDelta(7, (5L << 20) | 3, List.of(
                new PartitionDelta(3, 150, new long[] {0, 99, 200, 249}),
                new PartitionDelta(11, 1, new long[] {42, 42})));

        RedisDelta back = serializer.deserialize(serializer.getVersion(), serializer.serialize(delta));

        assertThat(back).as("deserialized delta").isEqualTo(delta);
    }

    @Test
    void refusesAnUnknownVersion() {
        assertThatThrownBy(() -> serializer.deserialize(99, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 99");
    }
}
