package io.streamstress.runner.cli;

/** Every exit code of {@code stress.jar}, in one place. */
public final class ExitCodes {

    /** Every scenario passed: the count was verified exactly. */
    public static final int PASS = 0;
    /** The run could not be verified: the harness or its infrastructure failed (a server did not start or answer). */
    public static final int HARNESS_ERROR = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /**
     * The run was verified and a check failed: loss, duplicates, a count mismatch, the job failed, the time limit,
     * a fault not injected. A loss found after a failed job is this, not {@link #HARNESS_ERROR}.
     */
    public static final int INVARIANT_FAILED = 3;

    private ExitCodes() {}
}
