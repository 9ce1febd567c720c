package io.streamstress.redis.sink.internal;

import io.streamstress.redis.sink.RecordPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The per-partition tallies of one writer since its last hand-off to Redis. */
final class Tallies<T> {

    private final RecordPosition<T> position;
    private final Map<Integer, PartitionTally> byPartition = new HashMap<>();
    private long records;

    Tallies(RecordPosition<T> position) {
        this.position = position;
    }

    void add(T record) {
        int partition = position.partitionOf(record);
        PartitionTally tally = byPartition.computeIfAbsent(partition, PartitionTally::new);
        if (position.isPoison(record)) {
            tally.addPoison(position.poisonOffsetOf(record));
        } else {
            tally.add(position.sequenceOf(record));
        }
        records++;
    }

    long records() {
        return records;
    }

    boolean isEmpty() {
        return records == 0;
    }

    /** The tallies as deltas, and a fresh start. */
    List<PartitionDelta> drain() {
        List<PartitionDelta> deltas = new ArrayList<>(byPartition.size());
        byPartition.values().forEach(tally -> deltas.add(tally.toDelta()));
        byPartition.clear();
        records = 0;
        return deltas;
    }
}
