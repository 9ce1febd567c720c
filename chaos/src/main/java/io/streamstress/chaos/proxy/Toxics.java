package io.streamstress.chaos.proxy;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The toxics switched on for a whole proxy, read by its connections on their event loop and set by the
 * thread that drives the test.
 */
final class Toxics {

    private volatile boolean blackholed;
    private volatile Latency replyLatency = Latency.NONE;
    private final AtomicReference<ArmedReplyDrop> armedDrop = new AtomicReference<>();

    boolean blackholed() {
        return blackholed;
    }

    void blackholed(boolean on) {
        blackholed = on;
    }

    Latency replyLatency() {
        return replyLatency;
    }

    void replyLatency(Latency latency) {
        replyLatency = latency;
    }

    /** The delay of the next reply chunk, in nanoseconds. */
    long drawReplyDelayNanos() {
        return replyLatency.drawNanos();
    }

    /** Arms the lost-reply toxic; false if one is armed already. */
    boolean arm(ArmedReplyDrop drop) {
        if (!armedDrop.compareAndSet(null, drop)) {
            return false;
        }
        drop.outcome().whenComplete((reply, failure) -> armedDrop.compareAndSet(drop, null));
        return true;
    }

    /** The armed toxic, if this chunk (about to be forwarded upstream) is its request; it is then disarmed. */
    ArmedReplyDrop claim(ByteBuf chunk) {
        ArmedReplyDrop drop = armedDrop.get();
        if (drop == null || drop.isOver() || !drop.matches(chunk)) {
            return null;
        }
        return armedDrop.compareAndSet(drop, null) ? drop : null;
    }

    /** Disarms the lost-reply toxic, if armed, and fails its future with the reason. */
    void disarm(RuntimeException reason) {
        ArmedReplyDrop drop = armedDrop.getAndSet(null);
        if (drop != null) {
            drop.outcome().completeExceptionally(reason);
        }
    }
}
