package io.streamstress.runner.chaos;

import io.streamstress.chaos.clock.Interval;
import io.streamstress.chaos.clock.RecoveryClock;
import io.streamstress.chaos.inject.Injection;
import io.streamstress.chaos.plan.PlannedFault;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One planned fault and what became of it.
 *
 * @param index its position in the plan
 * @param planned what the plan asked for
 * @param injection what was done, when it was injected
 * @param endedMillis when the fault was over (the injector returned), when it was injected
 * @param notInjected why it was not, when it was not
 * @param clock its recovery clocks, when it was injected and they were measured
 */
public record FaultRecord(
        int index,
        PlannedFault planned,
        Optional<Injection> injection,
        long endedMillis,
        Optional<String> notInjected,
        Optional<RecoveryClock> clock) {

    public static FaultRecord injected(int index, PlannedFault planned, Injection injection, long endedMillis) {
        return new FaultRecord(index, planned, Optional.of(injection), endedMillis, Optional.empty(), Optional.empty());
    }

    public static FaultRecord notInjected(int index, PlannedFault planned, String why) {
        return new FaultRecord(index, planned, Optional.empty(), 0, Optional.of(why), Optional.empty());
    }

    public boolean injected() {
        return injection.isPresent();
    }

    /** The recovery time in ms (see {@link RecoveryClock#recoveryMillis}). */
    public OptionalLong recoveryMillis() {
        return clock.map(RecoveryClock::recoveryMillis).orElse(OptionalLong.empty());
    }

    public FaultRecord withClock(RecoveryClock newClock) {
        return new FaultRecord(index, planned, injection, endedMillis, notInjected, Optional.of(newClock));
    }

    /**
     * While the fault was in progress: from T0 until it had recovered (or, when it never did, {@code orElse}),
     * and at least until it ended. Empty when it was not injected.
     */
    public Optional<Interval> inProgress(long orElse) {
        if (injection.isEmpty()) {
            return Optional.empty();
        }
        long t0 = injection.get().t0Millis();
        OptionalLong recovered = clock.map(RecoveryClock::recovered).orElse(OptionalLong.empty());
        long until = Math.max(Math.max(endedMillis, recovered.orElse(orElse)), t0);
        return Optional.of(new Interval(t0, until));
    }
}
