package io.streamstress.kafka.producer;

/** The broker did not acknowledge a record within the producer's delivery timeout. */
public class ProduceException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProduceException(String message, Throwable cause) {
        super(message, cause);
    }
}
