package io.streamstress.runner.job;

import io.streamstress.chaos.inject.ChaosTap;
import io.streamstress.kafka.record.StressRecord;
import io.streamstress.redis.sink.RecordPosition;

/**
 * Tells the Redis sink where a {@link StressRecord} stands (its partition and partition-local sequence), and
 * the chaos tap where a poison record was read (its partition and offset).
 */
public final class StressRecordPosition implements RecordPosition<StressRecord>, ChaosTap.PoisonOffset<StressRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public int partitionOf(StressRecord record) {
        return record.partition();
    }

    @Override
    public long sequenceOf(StressRecord record) {
        return record.sequence();
    }

    @Override
    public boolean isPoison(StressRecord record) {
        return record.isPoison();
    }

    @Override
    public long poisonOffsetOf(StressRecord record) {
        return record.poisonOffset();
    }

    @Override
    public int partition(StressRecord record) {
        return record.partition();
    }

    @Override
    public long offset(StressRecord record) {
        return record.poisonOffset();
    }
}
