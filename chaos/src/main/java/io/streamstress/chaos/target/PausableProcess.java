package io.streamstress.chaos.target;

/** A server process that can be frozen (SIGSTOP) and thawed (SIGCONT). */
public interface PausableProcess {

    void pause() throws Exception;

    void resume() throws Exception;
}
