package io.streamstress.runner.infra;

/** The harness could not do its work (a server did not start or answer). The message is fit for a user. */
public class HarnessException extends Exception {
    private static final long serialVersionUID = 1L;

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
    }

    public HarnessException(String message) {
        super(message);
    }
}
