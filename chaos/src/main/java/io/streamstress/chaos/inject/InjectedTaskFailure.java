package io.streamstress.chaos.inject;

/** The exception a {@link ChaosTap} throws: recognisable in logs and restart causes. */
public class InjectedTaskFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedTaskFailure(int subtask, int attempt) {
        super("streamstress chaos: injected failure of subtask " + subtask + " (attempt " + attempt + ")");
    }
}
