package io.streamstress.redis.server;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule that tells, from what redis-server wrote to its log at one start, that it could not bind its port
 * because the address is in use; only that failure is worth a retry on a fresh port. Redis 6 and 7 write
 * {@code Warning: Could not create server TCP listening socket HOST:PORT: bind: Address already in use}
 * (then {@code Failed listening on port PORT (TCP), aborting.}) and exit.
 */
final class BindFailure {

    private static final Pattern ADDRESS_IN_USE = Pattern.compile(
            "Could not create server TCP listening socket \\S*?:(\\d+): bind: Address already in use");

    private BindFailure() {}

    /**
     * The port Redis found taken, when {@code log} (the lines of one start) says it could not bind it because
     * the address is in use; empty for every other failure (a bad config, an address not on this host, a
     * refused permission) and for a start that went well.
     */
    static OptionalInt takenPort(String log) {
        Matcher m = ADDRESS_IN_USE.matcher(log);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
