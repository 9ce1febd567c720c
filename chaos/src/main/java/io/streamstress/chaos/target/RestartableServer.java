package io.streamstress.chaos.target;

/** A server that can be taken down and brought back on the same address and data. */
public interface RestartableServer {

    /** Takes the server down: a crash (SIGKILL) or a shutdown, as the implementation says. */
    void takeDown() throws Exception;

    /** Starts it again on the same address and data; returns once it serves. */
    void bringUp() throws Exception;
}
