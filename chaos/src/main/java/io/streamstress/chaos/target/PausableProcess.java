package io.streamstress.chaos.target;

/**
 * Something a fault pauses for a while and then resumes: a server process frozen (SIGSTOP) and thawed
 * (SIGCONT), the job's traffic through a fault proxy held and let go, latency switched on and off.
 */
public interface PausableProcess {

    void pause() throws Exception;

    void resume() throws Exception;

    /** One step of a pause or a resume. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** The pausable made of {@code pause} and {@code resume}. */
    static PausableProcess of(Step pause, Step resume) {
        return new PausableProcess() {
            @Override
            public void pause() throws Exception {
                pause.run();
            }

            @Override
            public void resume() throws Exception {
                resume.run();
            }
        };
    }
}
