package io.streamstress.chaos.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** Ready-made request predicates for {@link FaultProxy#dropReplyToNext}. */
public final class RequestMatchers {

    private RequestMatchers() {}

    /**
     * Matches a chunk whose bytes contain {@code text} (US-ASCII), e.g. {@code "EVALSHA"} for a Redis script
     * call. A chunk is what one read from the client returned: a request split across two reads is not seen
     * whole, which for requests of a few hundred bytes on loopback does not happen in practice.
     */
    public static Predicate<ByteBuf> containing(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("containing: pass the non-empty text a request carries");
        }
        ByteBuf needle = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII)));
        return chunk -> ByteBufUtil.indexOf(needle.duplicate(), chunk) >= 0;
    }
}
