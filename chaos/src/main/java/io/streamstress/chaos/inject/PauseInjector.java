package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.target.PausableProcess;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Pauses something for a while, then resumes it, and returns after the resume: Redis frozen with SIGSTOP, the
 * job's traffic through a fault proxy hanging, latency added to a server's replies. T0 is the pause; the fault
 * ends with the resume.
 */
public final class PauseInjector implements FaultInjector {

    private final PausableProcess target;
    private final Duration pause;
    private final String what;

    /** @param what what the pause does, for the report (e.g. "Redis paused (SIGSTOP)") */
    public PauseInjector(PausableProcess target, Duration pause, String what) {
        this.target = target;
        this.pause = pause;
        this.what = what;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        long t0 = System.currentTimeMillis();
        target.pause();
        try {
            Thread.sleep(pause.toMillis());
        } finally {
            target.resume();
        }
        long ended = System.currentTimeMillis();
        return new Injection(t0, what + " for " + (ended - t0) + " ms", OptionalLong.of(ended));
    }
}
