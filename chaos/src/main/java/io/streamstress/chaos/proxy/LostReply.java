package io.streamstress.chaos.proxy;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link FaultProxy#dropReplyToNext} did: the matching request reached the upstream, the reply that
 * followed it was dropped, and the connection was reset on both sides.
 *
 * @param connection the client's address, as the proxy saw it (e.g. {@code 127.0.0.1:53412})
 * @param requestForwardedAt when the matching request was written to the upstream
 * @param replyDroppedAt when the first bytes after it came back from the upstream and were dropped
 * @param bytesDropped how many bytes from the upstream never reached the client
 */
public record LostReply(String connection, Instant requestForwardedAt, Instant replyDroppedAt, long bytesDropped) {

    public LostReply {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(requestForwardedAt, "requestForwardedAt");
        Objects.requireNonNull(replyDroppedAt, "replyDroppedAt");
        if (replyDroppedAt.isBefore(requestForwardedAt)) {
            throw new IllegalArgumentException("reply dropped at " + replyDroppedAt + ", before its request was"
                    + " forwarded at " + requestForwardedAt + ": pass the times in the order they happened");
        }
        if (bytesDropped <= 0) {
            throw new IllegalArgumentException("bytesDropped is " + bytesDropped
                    + ": a lost reply drops at least one byte");
        }
    }
}
