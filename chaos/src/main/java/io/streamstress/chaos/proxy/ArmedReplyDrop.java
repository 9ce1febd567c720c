package io.streamstress.chaos.proxy;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** An armed one-shot lost-reply toxic: which request it waits for, and the future its caller holds. */
final class ArmedReplyDrop {

    private final Predicate<ByteBuf> request;
    private final CompletableFuture<LostReply> outcome = new CompletableFuture<>();

    ArmedReplyDrop(Predicate<ByteBuf> request) {
        this.request = request;
    }

    CompletableFuture<LostReply> outcome() {
        return outcome;
    }

    /**
     * Whether the chunk is the awaited request. The predicate sees a read-only view, so it cannot move the
     * chunk's indexes; if it throws, the toxic fails with that exception and this answers false.
     */
    boolean matches(ByteBuf chunk) {
        try {
            return request.test(chunk.asReadOnly());
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
            return false;
        }
    }

    /** Whether the caller gave up (cancelled the future) or the toxic already ended. */
    boolean isOver() {
        return outcome.isDone();
    }
}
