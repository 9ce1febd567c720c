package io.streamstress.chaos.inject;

/** A planned fault could not be injected; the message says why. */
public class FaultNotInjectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public FaultNotInjectedException(String message) {
        super(message);
    }
}
