package io.streamstress.runner.cli;

/** Every exit code of {@code stress.jar}, in one place. */
public final class ExitCodes {

    /** Every scenario passed: the count was verified exactly. */
    public static final int PASS = 0;
    /** The harness or its infrastructure failed (a server did not start or answer, the job failed, …). */
    public static final int HARNESS_ERROR = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The run completed but a verified invariant failed (loss, duplicates, mismatch, time limit). */
    public static final int INVARIANT_FAILED = 3;

    private ExitCodes() {}
}
