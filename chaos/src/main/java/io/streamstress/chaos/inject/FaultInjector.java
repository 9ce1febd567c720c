package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;

/** Injects one kind of fault. */
public interface FaultInjector {

    /**
     * Injects {@code fault} and returns when it took effect (and, for faults with a duration, ended).
     *
     * @throws FaultNotInjectedException when the fault could not be injected (e.g. its subtask had finished)
     */
    Injection inject(PlannedFault fault) throws Exception;
}
