package io.streamstress.runner.chaos;

import io.streamstress.chaos.clock.RecoveryClock;
import io.streamstress.chaos.inject.Injection;
import io.streamstress.chaos.plan.PlannedFault;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One planned fault and what became of it.
 *
 * @param planned what the plan asked for
 * @param injection what was done, when it was injected
 * @param endedMillis when the fault was over (the injector returned), when it was injected
 * @param notInjected why it was not, when it was not
 * @param clock its recovery clocks, when it was injected
 */
public record FaultRecord(
        PlannedFault planned,
        Optional<Injection> injection,
        long endedMillis,
        Optional<String> notInjected,
        Optional<RecoveryClock> clock) {

    static FaultRecord injected(PlannedFault planned, Injection injection, long endedMillis) {
        return new FaultRecord(planned, Optional.of(injection), endedMillis, Optional.empty(), Optional.empty());
    }

    static FaultRecord notInjected(PlannedFault planned, String why) {
        return new FaultRecord(planned, Optional.empty(), 0, Optional.of(why), Optional.empty());
    }

    public boolean injected() {
        return injection.isPresent();
    }

    /** The recovery time in ms (see {@link RecoveryClock#recoveryMillis}). */
    public OptionalLong recoveryMillis() {
        return clock.map(RecoveryClock::recoveryMillis).orElse(OptionalLong.empty());
    }

    public FaultRecord withClock(RecoveryClock newClock) {
        return new FaultRecord(planned, injection, endedMillis, notInjected, Optional.of(newClock));
    }
}
