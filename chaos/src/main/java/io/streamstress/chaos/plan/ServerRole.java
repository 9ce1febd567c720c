package io.streamstress.chaos.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which server a container fault hits ({@code container-kill:redis}): what the fault breaks, and so how its
 * recovery is told.
 */
public enum ServerRole {
    /** The Redis the sink commits to. */
    REDIS("redis"),
    /** The Kafka broker the source reads and the producer writes. */
    KAFKA("kafka"),
    /** A TaskManager hosting a task of the job. */
    TASKMANAGER("taskmanager");

    private final String cliName;

    ServerRole(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses a role by its CLI name. */
    public static ServerRole parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (ServerRole role : values()) {
            if (role.cliName.equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown server '" + text + "': use one of "
                + Arrays.stream(values()).map(ServerRole::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
