package io.streamstress.kafka.producer;

import java.util.concurrent.TimeUnit;

/**
 * The producer's schedule: when each message is due, from the base rate and the {@link TrafficPattern}. The
 * schedule does not follow the producer: a producer that falls behind (a slow broker, a full buffer) finds
 * its next messages already due, and the delay shows in latencies measured from the due time (no
 * coordinated omission). In windows without a limit (a burst, or no rate) a message is due when it is sent.
 * Time the producer is held on purpose (a fault gate) is taken out of the schedule with {@link #shift}.
 * Not thread-safe: the producer thread owns it.
 */
final class SendSchedule {

    private final TrafficPattern pattern;
    private final long baseRate;
    /** Where the schedule's zero lies on the nano clock (moves forward by held time). */
    private long originNanos;
    /** When the next message is due, ns after the origin. */
    private long dueNanos;
    private long intervalNanos;
    private volatile long behindNanos;

    SendSchedule(TrafficPattern pattern, long baseRate, long originNanos) {
        this.pattern = pattern;
        this.baseRate = baseRate;
        this.originNanos = originNanos;
    }

    /** Whether messages are ever paced (a base rate or a window with a rate). */
    boolean paced() {
        return pattern.limitsRate(baseRate);
    }

    /** Takes {@code nanos} the producer was held on purpose out of the schedule. */
    void shift(long nanos) {
        originNanos += nanos;
    }

    /**
     * At a pacing step: reads the rate where the schedule stands and returns how long to wait until the next
     * message is due (≤ 0: send now). Remembers how far behind the schedule the producer is.
     */
    long stepWaitNanos(long nowNanos) {
        long now = nowNanos - originNanos;
        long rate = rateAt(dueNanos);
        if (rate == 0) {
            // No limit where the schedule stands: what is sent now is due now, and the schedule moves up to here.
            dueNanos = Math.max(dueNanos, now);
            rate = rateAt(dueNanos);
        }
        if (rate == 0) {
            intervalNanos = 0;
            behindNanos = 0;
            return 0;
        }
        intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        behindNanos = Math.max(0, now - dueNanos);
        return dueNanos - now;
    }

    private long rateAt(long nanos) {
        return pattern.ratePerSecondAt(TimeUnit.NANOSECONDS.toMillis(nanos), baseRate);
    }

    /** When the current message is due, on the nano clock; then moves on to the next message. */
    long dueAndAdvance() {
        long due = originNanos + dueNanos;
        dueNanos += intervalNanos;
        return due;
    }

    /** Whether the current step has a rate (not a burst or an unlimited stretch). */
    boolean limited() {
        return intervalNanos > 0;
    }

    /** Messages to send between two pacing steps: about 10 ms worth at the highest rate, 1 to 1,000. */
    int step() {
        long highest = baseRate;
        for (TrafficPattern.Window window : pattern.windows()) {
            highest = Math.max(highest, window.burst() ? 0 : window.ratePerSecond(baseRate));
        }
        return highest == 0 ? 1_000 : (int) Math.max(1, Math.min(1_000, highest / 100));
    }

    /** How far behind its schedule the producer was at the last step, in ns. */
    long behindNanos() {
        return behindNanos;
    }
}
