package io.streamstress.kafka.record;

/**
 * One load message as the job sees it.
 *
 * @param partition the Kafka partition it was produced into
 * @param sequence its partition-local sequence number, contiguous from 0
 * @param messageId the global message id (0 … messages − 1)
 * @param producedAtMicros the producer's wall clock when the record was built, in µs since the epoch
 * @param intendedAtMicros when the producer's schedule wanted it sent, in µs since the epoch; equal to
 *     {@code producedAtMicros} when there is no schedule (no rate limit, or a burst). A producer that falls
 *     behind its schedule cannot hide the delay from latencies measured from this instant.
 */
public record StressRecord(int partition, long sequence, long messageId, long producedAtMicros, long intendedAtMicros) {

    /** The stand-in for a malformed value read from {@code partition}: set aside and counted, never counted as a record. */
    public static StressRecord poison(int partition) {
        return new StressRecord(partition, -1, -1, 0, 0);
    }

    public boolean isPoison() {
        return sequence < 0;
    }
}
