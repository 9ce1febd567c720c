package io.streamstress.redis.sink.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Versioned serializer of {@link RedisDelta}, stored in checkpoints between prepare and commit. */
public final class RedisDeltaSerializer implements SimpleVersionedSerializer<RedisDelta> {

    /**
     * 3 adds the poison offsets per partition, 2 added the poison count; versions 1 (no poison) and 2 (poison
     * without offsets) are still read.
     */
    static final int VERSION = 3;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(RedisDelta delta) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + 40 * delta.partitions().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(delta.subtask());
            out.writeLong(delta.epoch());
            out.writeInt(delta.partitions().size());
            for (PartitionDelta partition : delta.partitions()) {
                out.writeInt(partition.partition());
                out.writeLong(partition.count());
                writeBounds(out, partition.ranges());
                out.writeLong(partition.poison());
                writeBounds(out, partition.poisonOffsets());
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public RedisDelta deserialize(int version, byte[] serialized) throws IOException {
        if (version < 1 || version > VERSION) {
            throw new IOException("unknown RedisDelta serializer version " + version + " (this build knows " + VERSION + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int subtask = in.readInt();
            long epoch = in.readLong();
            int count = in.readInt();
            List<PartitionDelta> partitions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int partition = in.readInt();
                long records = in.readLong();
                long[] ranges = readBounds(in);
                long poison = version >= 2 ? in.readLong() : 0;
                long[] poisonOffsets = version >= 3 ? readBounds(in) : new long[0];
                partitions.add(new PartitionDelta(partition, records, ranges, poison, poisonOffsets));
            }
            return new RedisDelta(subtask, epoch, partitions);
        }
    }

    private static void writeBounds(DataOutputStream out, long[] bounds) throws IOException {
        out.writeInt(bounds.length);
        for (long bound : bounds) {
            out.writeLong(bound);
        }
    }

    private static long[] readBounds(DataInputStream in) throws IOException {
        long[] bounds = new long[in.readInt()];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = in.readLong();
        }
        return bounds;
    }
}
