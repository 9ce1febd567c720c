package io.streamstress.chaos.probe.redis;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When an attempt sends its next batch: once the interval has passed, noticed on a record whose number is a
 * multiple of {@link #CLOCK_EVERY} (the clock is read on those records only, not on every record).
 */
final class FlushSchedule {

    /** Records between two looks at the clock (a power of two). */
    static final int CLOCK_EVERY = 256;

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long dueAtNanos;

    FlushSchedule(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.dueAtNanos = nanoClock.getAsLong() + intervalNanos;
    }

    /** Whether a batch is due now that the attempt has processed {@code records} records. */
    boolean due(long records) {
        return (records & (CLOCK_EVERY - 1)) == 0 && nanoClock.getAsLong() - dueAtNanos >= 0;
    }

    /** A batch went out: the next is due one interval from now. */
    void sent() {
        dueAtNanos = nanoClock.getAsLong() + intervalNanos;
    }
}
