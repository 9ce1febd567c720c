package io.streamstress.kafka.producer;

/**
 * Lets something outside hold the producer at a point of the load, e.g. a fault plan that wants its faults
 * at exact progress points: the producer asks before every batch of {@link LoadProducer#GATE_STEP} messages.
 */
@FunctionalInterface
public interface ProduceGate {

    /** Returns when the producer may send message {@code messageId} (and the ones up to the next question). */
    void awaitPassage(long messageId) throws InterruptedException;

    /** A gate that never holds. */
    ProduceGate OPEN = messageId -> { };
}
