package io.streamstress.kafka.record;

/**
 * One load message as the job sees it.
 *
 * @param partition the Kafka partition it was produced into
 * @param sequence its partition-local sequence number, contiguous from 0
 * @param messageId the global message id (0 … messages − 1); for a poison marker, the Kafka offset it was read at
 * @param producedAtMicros the producer's wall clock when the record was built, in µs since the epoch
 * @param intendedAtMicros when the producer's schedule wanted it sent, in µs since the epoch; equal to
 *     {@code producedAtMicros} when there is no schedule (no rate limit, or a burst). A producer that falls
 *     behind its schedule cannot hide the delay from latencies measured from this instant.
 */
public record StressRecord(int partition, long sequence, long messageId, long producedAtMicros, long intendedAtMicros) {

    /**
     * The stand-in for a malformed value read from {@code partition} at {@code offset}: set aside and counted,
     * never counted as a record. It keeps the offset (in place of a message id, which poison has not), so that
     * the harness can tell when the job has read each poison record once.
     */
    public static StressRecord poison(int partition, long offset) {
        return new StressRecord(partition, -1, offset, 0, 0);
    }

    public boolean isPoison() {
        return sequence < 0;
    }

    /** The Kafka offset a poison marker was read at; -1 for a load message. */
    public long poisonOffset() {
        return isPoison() ? messageId : -1;
    }
}
