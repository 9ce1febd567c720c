package io.streamstress.kafka.topic;

/** Kafka did not answer, or refused, an administrative call. The message is fit for a user. */
public class KafkaUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
