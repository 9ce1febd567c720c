package io.streamstress.runner.infra;

/** Whether a person is watching: stdout is a terminal here, or was in the JVM that launched this one. */
public final class Terminal {

    /** Set by a launching JVM whose stdout is a terminal, for the worker JVM it starts. */
    public static final String PROPERTY = "streamstress.tty";

    private Terminal() {}

    public static boolean isInteractive() {
        return Boolean.getBoolean(PROPERTY) || System.console() != null;
    }
}
