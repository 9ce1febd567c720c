package io.streamstress.kafka.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wire format of a load message: a magic number, the {@link StressRecord} fields, then random uppercase
 * letters up to the configured record size. Big-endian, fixed layout, no allocation beyond the value array.
 *
 * <p>The filler is random, fresh for every record, like the payload of Kafka's own ProducerPerformance:
 * zero padding would let lz4 shrink a 100-byte record to a few bytes on the wire and on disk, and the
 * broker, network and consumer would carry a fraction of the load the record size claims.
 */
public final class StressRecordCodec {

    /** Marks a value written by this codec ("SS"), so that foreign or corrupted values are recognised. */
    public static final short MAGIC = 0x5353;

    /** Bytes taken by the magic number and the fields; a record cannot be smaller than this. */
    public static final int HEADER_BYTES = Short.BYTES + Integer.BYTES + 4 * Long.BYTES;

    private StressRecordCodec() {}

    /** Encodes one record into a new array of exactly {@code size} bytes (the rest is random letters). */
    public static byte[] encode(StressRecord record, int size) {
        if (size < HEADER_BYTES) {
            throw new IllegalArgumentException(
                    "record size " + size + " is too small: at least " + HEADER_BYTES + " bytes are needed");
        }
        byte[] value = new byte[size];
        ByteBuffer.wrap(value)
                .putShort(MAGIC)
                .putInt(record.partition())
                .putLong(record.sequence())
                .putLong(record.messageId())
                .putLong(record.producedAtMicros())
                .putLong(record.intendedAtMicros());
        fillWithLetters(value, HEADER_BYTES);
        return value;
    }

    /** Random letters A-Z from {@code from} on: 12 letters from each random long (5 bits each). */
    private static void fillWithLetters(byte[] value, int from) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long bits = 0;
        int left = 0;
        for (int i = from; i < value.length; i++) {
            if (left == 0) {
                bits = random.nextLong();
                left = 12;
            }
            value[i] = (byte) ('A' + (int) ((bits & 31) % 26));
            bits >>>= 5;
            left--;
        }
    }

    /** A malformed value (no magic), as the {@code poison} fault writes it. */
    public static byte[] poisonValue(long n) {
        return ("poison #" + n + ": not a streamstress record").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Decodes a value written by {@link #encode}.
     *
     * @throws MalformedRecordException when the value is too short or does not start with {@link #MAGIC}
     */
    public static StressRecord decode(byte[] value) {
        if (value == null || value.length < HEADER_BYTES) {
            throw new MalformedRecordException(
                    "value of " + (value == null ? "null" : value.length + " bytes") + " is shorter than a record header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        short magic = buffer.getShort();
        if (magic != MAGIC) {
            throw new MalformedRecordException(String.format("value starts with 0x%04x, not the record magic", magic));
        }
        return new StressRecord(buffer.getInt(), buffer.getLong(), buffer.getLong(), buffer.getLong(),
                buffer.getLong());
    }
}
