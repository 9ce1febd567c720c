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

    /** 2 adds the poison count per partition; version 1 (no poison) is still read. */
    static final int VERSION = 2;

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
                out.writeInt(partition.ranges().length);
                for (long bound : partition.ranges()) {
                    out.writeLong(bound);
                }
                out.writeLong(partition.poison());
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public RedisDelta deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1 && version != VERSION) {
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
                long[] ranges = new long[in.readInt()];
                for (int r = 0; r < ranges.length; r++) {
                    ranges[r] = in.readLong();
                }
                long poison = version >= 2 ? in.readLong() : 0;
                partitions.add(new PartitionDelta(partition, records, ranges, poison));
            }
            return new RedisDelta(subtask, epoch, partitions);
        }
    }
}
