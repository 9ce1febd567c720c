package io.streamstress.runner.job;

import io.streamstress.kafka.record.StressRecord;
import io.streamstress.redis.sink.RecordPosition;

/** Tells the Redis sink where a {@link StressRecord} stands: its partition and partition-local sequence. */
public final class StressRecordPosition implements RecordPosition<StressRecord> {
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
}
