package io.streamstress.runner.infra.cluster;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that tells, from what a JobManager logged at one start, that it could not bind one of its ports
 * because something else had it; only that failure is worth a start on fresh ports. Flink 2.2 logs (and then
 * exits with code 1) {@code java.net.BindException: Could not start actor system on any port in port range
 * PORT} for its RPC port and {@code java.net.BindException: Could not start rest endpoint on any port in port
 * range PORT} for REST; the JDK's own {@code BindException: Address already in use} is accepted too, with the
 * port unknown.
 */
final class BindFailure {

    private static final Pattern FLINK_PORT_TAKEN = Pattern.compile(
            "BindException: Could not start (?:actor system|rest endpoint) on any port in port range (\\d+)");
    private static final Pattern ADDRESS_IN_USE = Pattern.compile("BindException: Address already in use");

    /** What {@link #takenPort} gives when the log says an address was in use without naming the port. */
    static final int UNKNOWN_PORT = 0;

    private BindFailure() {}

    /**
     * The port the JobManager found taken, when {@code log} (the lines of one start) says so; {@link #UNKNOWN_PORT}
     * when it says an address was in use without the port; empty for every other failure (a bad option, memory
     * that does not add up, a refused permission) and for a start that went well.
     */
    static OptionalInt takenPort(String log) {
        Matcher flink = FLINK_PORT_TAKEN.matcher(log);
        if (flink.find()) {
            return OptionalInt.of(Integer.parseInt(flink.group(1)));
        }
        return ADDRESS_IN_USE.matcher(log).find() ? OptionalInt.of(UNKNOWN_PORT) : OptionalInt.empty();
    }
}
