package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.plan.ServerRole;
import java.util.EnumMap;
import java.util.Map;

/**
 * A fault that hits one server ({@code container-kill:redis}): injected by the injector for the server the fault
 * names. A server the run has none of is not injected, and the report says why.
 */
public final class ServerDispatchInjector implements FaultInjector {

    private final Map<ServerRole, FaultInjector> byServer;

    public ServerDispatchInjector(Map<ServerRole, FaultInjector> byServer) {
        this.byServer = byServer.isEmpty() ? Map.of() : new EnumMap<>(byServer);
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        ServerRole role = fault.server().orElseThrow(
                () -> new FaultNotInjectedException(fault.kind() + " names no server (e.g. " + fault.kind() + ":redis)"));
        FaultInjector injector = byServer.get(role);
        if (injector == null) {
            throw new FaultNotInjectedException("this run has no " + role + " container");
        }
        return injector.inject(fault);
    }
}
