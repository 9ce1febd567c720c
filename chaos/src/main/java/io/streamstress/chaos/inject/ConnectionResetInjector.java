package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.proxy.FaultProxy;
import java.time.Duration;

/**
 * Resets (RST) every connection through a fault proxy once. The job's clients connect when they first need the
 * server (the committer at its first commit), so the reset waits, up to a patience, for one to be open. T0 is
 * the reset.
 */
public final class ConnectionResetInjector implements FaultInjector {

    private static final long POLL_MS = 20;

    private final FaultProxy proxy;
    private final Duration patience;

    public ConnectionResetInjector(FaultProxy proxy, Duration patience) {
        this.proxy = proxy;
        this.patience = patience;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (proxy.stats().openConnections() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MS);
        }
        long t0 = System.currentTimeMillis();
        int reset = proxy.resetAll();
        if (reset == 0) {
            throw new FaultNotInjectedException("no connection was open through the " + proxy.name() + " proxy within "
                    + patience.toSeconds() + " s");
        }
        return new Injection(t0, String.format("%d connection(s) through the %s proxy reset (RST)", reset, proxy.name()));
    }
}
