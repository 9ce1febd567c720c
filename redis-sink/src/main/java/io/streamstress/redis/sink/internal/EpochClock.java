package io.streamstress.redis.sink.internal;

import java.util.OptionalLong;

/**
 * Numbers a writer's committables so that the commit script can refuse a replay.
 *
 * <p>An epoch is {@code base << 20 | n}: {@code base} is the id of the last checkpoint this writer snapshot
 * (or was restored from) plus one, and {@code n} counts the committables prepared since. A committable
 * prepared for checkpoint {@code c} has {@code base ≤ c}; after a restore from checkpoint {@code r} (the
 * newest completed one, so every committable ever applied has {@code base ≤ r}) the base is {@code r + 1}.
 * Epochs therefore grow strictly per subtask, and a committable made after a restore is never mistaken for
 * one applied before it.
 */
final class EpochClock {

    static final int SEQUENCE_BITS = 20;

    private long base;
    private long sequence;

    EpochClock(OptionalLong restoredCheckpointId, long restoredNextBase) {
        long fromCheckpoint = restoredCheckpointId.isPresent() ? restoredCheckpointId.getAsLong() + 1 : 1;
        this.base = Math.max(fromCheckpoint, restoredNextBase);
    }

    /** The epoch for the next committable. */
    long next() {
        if (sequence == (1L << SEQUENCE_BITS) - 1) {
            throw new IllegalStateException("more than " + sequence + " committables between two checkpoints");
        }
        return (base << SEQUENCE_BITS) | sequence++;
    }

    /** A checkpoint was snapshot: committables from now on belong to a later one. */
    void snapshotTaken(long checkpointId) {
        if (checkpointId + 1 > base) {
            base = checkpointId + 1;
            sequence = 0;
        }
    }

    /** The base a restored writer must start from at least. */
    long nextBase() {
        return base;
    }
}
