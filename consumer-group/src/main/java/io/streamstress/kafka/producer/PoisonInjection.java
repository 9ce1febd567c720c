package io.streamstress.kafka.producer;

/**
 * Malformed records the producer writes into one partition when it reaches a point of the plan.
 *
 * @param id which injection this is (reported back when written)
 * @param beforeMessageId written just before this message id is sent
 * @param partition the partition they go to
 * @param count how many
 */
public record PoisonInjection(int id, long beforeMessageId, int partition, int count) {

    public PoisonInjection {
        if (beforeMessageId < 0 || partition < 0 || count < 1) {
            throw new IllegalArgumentException("a poison injection needs a message id >= 0, a partition >= 0 and "
                    + "a count >= 1");
        }
    }
}
