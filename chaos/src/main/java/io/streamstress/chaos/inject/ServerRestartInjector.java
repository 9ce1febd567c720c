package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.target.RestartableServer;

/** Takes a server down and brings it back on the same address and data; returns once it serves again. */
public final class ServerRestartInjector implements FaultInjector {

    private final RestartableServer server;
    private final String what;

    /** @param what how the report names the server and the way it goes down, e.g. "Redis killed (SIGKILL)" */
    public ServerRestartInjector(RestartableServer server, String what) {
        this.server = server;
        this.what = what;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        long t0 = System.currentTimeMillis();
        server.takeDown();
        long down = System.currentTimeMillis();
        server.bringUp();
        return new Injection(t0, what + ", back after " + (System.currentTimeMillis() - t0) + " ms (down "
                + (down - t0) + " ms to stop)");
    }
}
