package io.streamstress.kafka.record;

/** A Kafka value that is not a load message written by {@link StressRecordCodec}. */
public class MalformedRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String message) {
        super(message);
    }
}
