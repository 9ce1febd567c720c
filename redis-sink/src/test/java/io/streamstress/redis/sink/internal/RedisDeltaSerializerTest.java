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
                new PartitionDelta(3, 150, new long[] {0, 99, 200, 249}, 7, new long[] {100, 104, 250, 251}),
                new PartitionDelta(11, 1, new long[] {42, 42})));

        RedisDelta back = serializer.deserialize(serializer.getVersion(), serializer.serialize(delta));

        assertThat(back).as("deserialized delta").isEqualTo(delta);
    }

    @Test
    void readsVersion1WithoutPoison() throws IOException {
        // Given version 1 bytes: subtask, epoch, partitions, then per partition: id, count, bounds, bounds…
        RedisDelta back = serializer.deserialize(1, oldBytes());

        assertThat(back).as("version 1 delta")
                .isEqualTo(new RedisDelta(1, 9, List.of(new PartitionDelta(4, 10, new long[] {0, 9}, 0))));
    }

    @Test
    void readsVersion2WithPoisonButNoOffsets() throws IOException {
        // Given version 2 bytes: as version 1, then the poison count per partition
        RedisDelta back = serializer.deserialize(2, oldBytes(3L));

        assertThat(back).as("version 2 delta")
                .isEqualTo(new RedisDelta(1, 9, List.of(new PartitionDelta(4, 10, new long[] {0, 9}, 3))));
        assertThat(back.partitions().get(0).poisonOffsets()).as("poison offsets of a version-2 delta").isEmpty();
    }

    /** One partition (4: 10 records, 0-9) of subtask 1, epoch 9, as versions 1 and 2 wrote it, then {@code more}. */
    private static byte[] oldBytes(long... more) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(1);
            out.writeLong(9);
            out.writeInt(1);
            out.writeInt(4);
            out.writeLong(10);
            out.writeInt(2);
            out.writeLong(0);
            out.writeLong(9);
            for (long value : more) {
                out.writeLong(value);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void refusesAnUnknownVersion() {
        assertThatThrownBy(() -> serializer.deserialize(99, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 99");
    }
}
