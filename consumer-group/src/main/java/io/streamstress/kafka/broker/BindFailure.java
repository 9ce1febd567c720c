package io.streamstress.kafka.broker;

import java.net.BindException;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that tells a start-up failure because a listener's port is taken from every other start-up
 * failure of the broker: only the first is worth a retry on fresh ports. Kafka's socket server reports it as
 * {@code KafkaException("Socket server failed to bind to HOST:PORT: Address already in use.")} caused by a
 * {@link BindException}; the exception may arrive wrapped (a future's completion exception).
 */
public final class BindFailure {

    /** What the JDK's {@link BindException} says, on Linux and macOS, when the address is in use. */
    static final String ADDRESS_IN_USE = "Address already in use";

    private static final Pattern KAFKA_MESSAGE = Pattern.compile("failed to bind to [^\\s:]+:(\\d+)");

    private BindFailure() {}

    /**
     * True when {@code failure} or one of its causes is a {@link BindException} saying the address is already
     * in use; a bind refused for another reason (an address not on this host, a privileged port) is not a
     * taken port, and fresh ports would not help.
     */
    public static boolean isPortTaken(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof BindException && t.getMessage() != null && t.getMessage().contains(ADDRESS_IN_USE)) {
                return true;
            }
        }
        return false;
    }

    /** The taken port, as Kafka's message about it names it ("failed to bind to HOST:PORT"), if it does. */
    public static OptionalInt takenPort(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : KAFKA_MESSAGE.matcher(t.getMessage());
            if (m != null && m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }
}
