package io.streamstress.redis.server;

import java.io.IOException;

/** The embedded Redis could not listen on its port: another process holds it. */
public final class PortTakenException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int port;

    public PortTakenException(int port, String message) {
        super(message);
        this.port = port;
    }

    /** The port that was taken. */
    public int port() {
        return port;
    }
}
