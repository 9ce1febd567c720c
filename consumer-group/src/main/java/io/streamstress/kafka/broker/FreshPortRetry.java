package io.streamstress.kafka.broker;

import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts embedded Kafka nodes again on fresh candidates while a port chosen for them turned out taken by the time
 * they bound it (another process, or a server starting alongside, took it since it was chosen). Ports must be chosen
 * before the nodes start, since the quorum configuration names the controllers' ports up front.
 */
final class FreshPortRetry {

    private static final Logger LOG = LoggerFactory.getLogger(FreshPortRetry.class);

    /** One start: picks its candidates, starts on them, and releases what it started when it fails. */
    @FunctionalInterface
    interface Attempt {
        void run() throws InterruptedException;
    }

    private FreshPortRetry() {}

    /**
     * Runs {@code attempt} until it succeeds, at most {@code attempts} times; only a failure on a taken port
     * ({@link BindFailure#isPortTaken}) is retried, any other is rethrown at once, and so is the last. The port of each
     * retried failure is added to {@code takenPorts} (0 where Kafka did not name it).
     *
     * @param what what starts, for the log ("Kafka broker")
     */
    static void run(String what, String host, int attempts, List<Integer> takenPorts, Attempt attempt)
            throws InterruptedException {
        for (int n = 1; ; n++) {
            try {
                attempt.run();
                return;
            } catch (RuntimeException e) {
                if (!BindFailure.isPortTaken(e) || n >= attempts) {
                    throw e;
                }
                OptionalInt taken = BindFailure.takenPort(e);
                takenPorts.add(taken.orElse(0));
                LOG.warn("{}: port {} on {} was taken by the time it bound (attempt {} of {}): retrying on fresh ports",
                        what, taken.isPresent() ? taken.getAsInt() : "(not named)", host, n, attempts);
            }
        }
    }
}
