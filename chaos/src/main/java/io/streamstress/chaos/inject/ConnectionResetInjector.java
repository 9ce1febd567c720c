package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.proxy.FaultProxy;

/** Resets (RST) every connection through a fault proxy once. T0 is the reset. */
public final class ConnectionResetInjector implements FaultInjector {

    private final FaultProxy proxy;

    public ConnectionResetInjector(FaultProxy proxy) {
        this.proxy = proxy;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        long t0 = System.currentTimeMillis();
        int reset = proxy.resetAll();
        if (reset == 0) {
            throw new FaultNotInjectedException("no connection was open through the " + proxy.name() + " proxy");
        }
        return new Injection(t0, String.format("%d connection(s) through the %s proxy reset (RST)", reset, proxy.name()));
    }
}
