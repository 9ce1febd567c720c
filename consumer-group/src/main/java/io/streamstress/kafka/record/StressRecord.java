package io.streamstress.kafka.record;

/**
 * One load message as the job sees it.
 *
 * @param partition the Kafka partition it was produced into
 * @param sequence its partition-local sequence number, contiguous from 0
 * @param messageId the global message id (0 … messages − 1)
 * @param producedAtMicros the producer's wall clock when the record was built, in µs since the epoch
 */
public record StressRecord(int partition, long sequence, long messageId, long producedAtMicros) {

    /** The stand-in for a malformed value read from {@code partition}: set aside and counted, never counted as a record. */
    public static StressRecord poison(int partition) {
        return new StressRecord(partition, -1, -1, 0);
    }

    public boolean isPoison() {
        return sequence < 0;
    }
}
