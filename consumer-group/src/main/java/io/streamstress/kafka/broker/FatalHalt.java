package io.streamstress.kafka.broker;

import java.util.function.Consumer;

/**
 * What runs before Kafka ends this JVM because an embedded node hit a fatal error (see {@link StartupHaltGuard}): the
 * process that hosts the brokers is, to Kafka, the broker's own, and its fault handler halts it.
 */
public final class FatalHalt {

    private static volatile Consumer<String> beforeHalt = reason -> { };

    private FatalHalt() {}

    /**
     * Runs {@code action} with the reason (what Kafka asked for, with which status, from which thread) before Kafka
     * halts or exits the JVM for an embedded node's fatal error; it replaces the action set before. It should be
     * quick: tell the user, flush the logs (Kafka logged the error itself just before).
     */
    public static void beforeHalt(Consumer<String> action) {
        beforeHalt = action;
    }

    static void runBeforeHalt(String reason) {
        try {
            beforeHalt.accept(reason);
        } catch (RuntimeException e) {
            // The halt goes on whatever the action did.
        }
    }
}
