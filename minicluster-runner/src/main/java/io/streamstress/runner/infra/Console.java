package io.streamstress.runner.infra;

import java.io.PrintStream;
import java.util.Locale;

/** What the user sees on stdout: steps with their duration, progress, and the verdict. */
public final class Console {

    private final PrintStream out;

    public Console(PrintStream out) {
        this.out = out;
    }

    /** Prints a line. */
    public synchronized void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
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
