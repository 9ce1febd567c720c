package io.streamstress.chaos.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The faults a run can inject, by the names {@code --chaos} takes. */
public enum FaultKind {
    /** One subtask throws once (attempt-capped): region failover and restore of offsets and committables. */
    TASK_EXCEPTION("task-exception");

    private final String cliName;

    FaultKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses a kind by its CLI name. */
    public static FaultKind parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (FaultKind kind : values()) {
            if (kind.cliName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + text + "': use one of " + names());
    }

    /** The CLI names, comma separated. */
    public static String names() {
        return Arrays.stream(values()).map(FaultKind::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
