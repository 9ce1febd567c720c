package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.proxy.FaultProxy;
import io.streamstress.chaos.proxy.LostReply;
import io.streamstress.chaos.proxy.RequestMatchers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets the next commit script (an {@code EVALSHA} the job sends through the Redis fault proxy) reach Redis and
 * apply, drops its reply and resets the connection: the committer cannot know whether it applied. T0 is the
 * drop.
 */
public final class ReplyLostInjector implements FaultInjector {

    /** What the commit scripts send: the script by its SHA. */
    static final String COMMIT_COMMAND = "EVALSHA";

    private final FaultProxy proxy;
    private final Duration patience;

    /** @param patience how long to wait for the next commit (the job commits at every checkpoint) */
    public ReplyLostInjector(FaultProxy proxy, Duration patience) {
        this.proxy = proxy;
        this.patience = patience;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        CompletableFuture<LostReply> armed = proxy.dropReplyToNext(RequestMatchers.containing(COMMIT_COMMAND));
        LostReply lost;
        try {
            lost = armed.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            armed.cancel(false);
            throw new FaultNotInjectedException("no commit went through the Redis proxy within "
                    + patience.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new FaultNotInjectedException("the commit's connection ended before its reply: "
                    + e.getCause().getMessage());
        }
        return new Injection(lost.replyDroppedAt().toEpochMilli(), String.format("a commit script (%s) reached "
                + "Redis, its reply (%d bytes) was dropped and the connection reset", COMMIT_COMMAND, lost.bytesDropped()));
    }
}
