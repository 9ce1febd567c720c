package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.target.PausableProcess;
import java.time.Duration;

/** Freezes Redis (SIGSTOP) for a while, then thaws it (SIGCONT); returns after the thaw. */
public final class RedisStallInjector implements FaultInjector {

    private final PausableProcess redis;
    private final Duration stall;

    public RedisStallInjector(PausableProcess redis, Duration stall) {
        this.redis = redis;
        this.stall = stall;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        long t0 = System.currentTimeMillis();
        redis.pause();
        try {
            Thread.sleep(stall.toMillis());
        } finally {
            redis.resume();
        }
        return new Injection(t0, "Redis paused for " + stall.toMillis() + " ms");
    }
}
