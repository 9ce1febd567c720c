package io.streamstress.redis.sink;

import java.io.Serializable;

/**
 * Where a record stands in its source: the partition and the partition-local sequence number. The sink
 * counts per partition and records which sequence ranges it committed, so that the verifier can tell a
 * lost record from a duplicated one.
 */
public interface RecordPosition<T> extends Serializable {

    int partitionOf(T record);

    long sequenceOf(T record);

    /**
     * Whether the record is poison: malformed input set aside by the source. Poison is counted per partition
     * apart from the records (exactly once too) and never enters the count or the sequence ranges.
     */
    default boolean isPoison(T record) {
        return false;
    }

    /**
     * The Kafka offset a poison record was read at, by which the commit script counts it once however often it
     * is replayed; -1 when unknown (poison is then counted each time its committable applies).
     */
    default long poisonOffsetOf(T record) {
        return -1;
    }
}
