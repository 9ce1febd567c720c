package io.streamstress.chaos.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One direction of a proxied connection: the chunks read from the source wait here, in order, until they are
 * due (latency) and not held (blackhole), then go to the target. The source reads only while the relay can
 * take more: it is started and neither held nor stopped, the target is writable and less than
 * {@link #MAX_QUEUED_BYTES} wait. Used on the connection's event loop only.
 */
final class Relay {

    /** Above this many waiting bytes the source stops reading (a long latency must not fill the heap). */
    static final int MAX_QUEUED_BYTES = 1 << 20;

    /** A chunk to write, or an action to run once everything before it is flushed. */
    private record Pending(ByteBuf chunk, Runnable afterFlush, long dueNanos) {}

    private final Channel source;
    private final Channel target;
    private final LongSupplier delayNanos;
    private final Consumer<ByteBuf> beforeWrite;
    private final LongAdder bytesForwarded;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long lastDueNanos = Long.MIN_VALUE;
    private boolean started;
    private boolean held;
    private boolean stopped;
    private boolean discarded;
    private boolean drainScheduled;

    /**
     * @param delayNanos the delay of each chunk read from now on
     * @param beforeWrite sees each chunk just before it is written to the target
     * @param bytesForwarded counts the bytes written to the target
     * @param held whether a blackhole holds the relay from the start
     */
    Relay(Channel source, Channel target, LongSupplier delayNanos, Consumer<ByteBuf> beforeWrite,
            LongAdder bytesForwarded, boolean held) {
        this.source = source;
        this.target = target;
        this.delayNanos = delayNanos;
        this.beforeWrite = beforeWrite;
        this.bytesForwarded = bytesForwarded;
        this.held = held;
    }

    /** The target is connected: chunks may flow and the source may read. */
    void start() {
        started = true;
        drain();
    }

    /** Holds (blackhole) or releases everything waiting and stops or resumes the source's reads. */
    void hold(boolean on) {
        held = on;
        drain();
    }

    /** The source reads no more; what waits still goes on. */
    void stop() {
        stopped = true;
        updateReading();
    }

    /** Queues a chunk read from the source, behind every earlier one. */
    void offer(ByteBuf chunk) {
        if (discarded) {
            chunk.release();
            return;
        }
        queuedBytes += chunk.readableBytes();
        enqueue(chunk, null, delayNanos.getAsLong());
    }

    /** Runs an action once every chunk queued before it is written and flushed to the target. */
    void offerThen(Runnable afterFlush) {
        if (!discarded) {
            enqueue(null, afterFlush, 0);
        }
    }

    /** The target is gone: drops (and releases) what waits and everything offered later. */
    void discard() {
        discarded = true;
        Pending pending;
        while ((pending = queue.poll()) != null) {
            if (pending.chunk() != null) {
                pending.chunk().release();
            }
        }
        queuedBytes = 0;
    }

    /** Lets the source read if the relay can take more, stops it otherwise. */
    void updateReading() {
        boolean read = started && !held && !stopped && !discarded && target.isWritable()
                && queuedBytes < MAX_QUEUED_BYTES;
        if (source.config().isAutoRead() != read) {
            source.config().setAutoRead(read);
        }
    }

    private void enqueue(ByteBuf chunk, Runnable afterFlush, long delay) {
        long due = Math.max(System.nanoTime() + delay, lastDueNanos);
        lastDueNanos = due;
        queue.add(new Pending(chunk, afterFlush, due));
        drain();
    }

    private void drain() {
        boolean unflushed = false;
        while (started && !held && !discarded && !queue.isEmpty()) {
            Pending head = queue.peek();
            long wait = head.dueNanos() - System.nanoTime();
            if (wait > 0) {
                scheduleDrain(wait);
                break;
            }
            queue.poll();
            if (head.chunk() != null) {
                int bytes = head.chunk().readableBytes();
                queuedBytes -= bytes;
                bytesForwarded.add(bytes);
                beforeWrite.accept(head.chunk());
                target.write(head.chunk(), target.voidPromise());
                unflushed = true;
            } else {
                target.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(done -> head.afterFlush().run());
                unflushed = false;
            }
        }
        if (unflushed) {
            target.flush();
        }
        updateReading();
    }

    private void scheduleDrain(long waitNanos) {
        if (drainScheduled) {
            return;
        }
        drainScheduled = true;
        target.eventLoop().schedule(() -> {
            drainScheduled = false;
            drain();
        }, waitNanos, TimeUnit.NANOSECONDS);
    }
}
