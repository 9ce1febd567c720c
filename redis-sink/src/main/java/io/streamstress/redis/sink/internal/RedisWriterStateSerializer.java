package io.streamstress.redis.sink.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Versioned serializer of {@link RedisWriterState}. */
public final class RedisWriterStateSerializer implements SimpleVersionedSerializer<RedisWriterState> {

    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(RedisWriterState state) {
        return ByteBuffer.allocate(Long.BYTES).putLong(state.nextBase()).array();
    }

    @Override
    public RedisWriterState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION || serialized.length != Long.BYTES) {
            throw new IOException("unknown RedisWriterState format: version " + version + ", " + serialized.length + " bytes");
        }
        return new RedisWriterState(ByteBuffer.wrap(serialized).getLong());
    }
}
