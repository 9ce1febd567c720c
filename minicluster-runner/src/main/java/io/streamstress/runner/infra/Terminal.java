package io.streamstress.runner.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Whether a person is watching: stdout is a terminal here, or was in the JVM that launched this one. */
public final class Terminal {

    /** Set by a launching JVM whose stdout is a terminal, for the worker JVM it starts. */
    public static final String PROPERTY = "streamstress.tty";

    private Terminal() {}

    /** Columns assumed when the terminal does not say. */
    static final int DEFAULT_COLUMNS = 100;

    public static boolean isInteractive() {
        return Boolean.getBoolean(PROPERTY) || System.console() != null;
    }

    /**
     * The width of the controlling terminal ({@code stty size} on {@code /dev/tty}, which a worker JVM shares
     * with the JVM that launched it even though its stdout is a pipe), or {@link #DEFAULT_COLUMNS}.
     */
    public static int columns() {
        try {
            Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0 && out.matches("\\d+ \\d+")) {
                return Math.max(40, Integer.parseInt(out.split(" ")[1]));
            }
        } catch (IOException e) {
            // No sh or no terminal: assume the default.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_COLUMNS;
    }
}
