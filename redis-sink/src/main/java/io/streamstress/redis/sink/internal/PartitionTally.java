package io.streamstress.redis.sink.internal;

/** Counts one partition's records and keeps the contiguous sequence ranges they cover (mutable, per writer). */
final class PartitionTally {

    private final int partition;
    private long count;
    private final Ranges sequences = new Ranges();
    private long poison;
    private final Ranges poisonOffsets = new Ranges();

    PartitionTally(int partition) {
        this.partition = partition;
    }

    void add(long sequence) {
        count++;
        sequences.add(sequence);
    }

    /** A poison record read at {@code offset} (negative when the source does not say). */
    void addPoison(long offset) {
        poison++;
        if (offset >= 0) {
            poisonOffsets.add(offset);
        }
    }

    PartitionDelta toDelta() {
        return new PartitionDelta(partition, count, sequences.bounds(), poison, poisonOffsets.bounds());
    }
}
