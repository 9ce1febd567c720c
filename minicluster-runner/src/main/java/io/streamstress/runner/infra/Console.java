package io.streamstress.runner.infra;

import java.io.PrintStream;
import java.util.Locale;

/** What the user sees on stdout: steps with their duration, progress, and the verdict. */
public final class Console {

    /** Carriage return and "erase line": a line printed over a progress bar replaces it (the bar redraws). */
    private static final String OVER_STATUS_LINE = "\r\033[2K";

    private final PrintStream out;
    private volatile boolean statusLineActive;

    public Console(PrintStream out) {
        this.out = out;
    }

    /** Prints a line. */
    public synchronized void line(String format, Object... args) {
        if (statusLineActive) {
            out.print(OVER_STATUS_LINE);
        }
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }

    /** The stream a progress bar draws on. */
    public PrintStream stream() {
        return out;
    }

    /** Whether a progress bar occupies the last line (lines printed meanwhile first erase it). */
    public void statusLineActive(boolean active) {
        statusLineActive = active;
    }

    /** Announces a step that may take a while; {@link Step#done(String)} finishes its line. */
    public Step step(String what) {
        synchronized (this) {
            out.print(what + " … ");
            out.flush();
        }
        return new Step(System.nanoTime());
    }

    /** A step in progress. */
    public final class Step {
        private final long started;

        private Step(long started) {
            this.started = started;
        }

        public void done(String result) {
            line("%s (%.1f s)", result, (System.nanoTime() - started) / 1e9);
        }
    }
}
