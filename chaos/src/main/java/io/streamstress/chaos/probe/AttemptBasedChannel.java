package io.streamstress.chaos.probe;

import java.util.Objects;

/** A {@link ProbeChannel} that reports its attempts after an earlier job's: see {@link ProbeChannel#withAttemptBase}. */
final class AttemptBasedChannel implements ProbeChannel {

    private static final long serialVersionUID = 1L;

    private final ProbeChannel channel;
    private final int base;

    AttemptBasedChannel(ProbeChannel channel, int base) {
        this.channel = Objects.requireNonNull(channel, "channel");
        if (base < 0) {
            throw new IllegalArgumentException("attempt base must not be negative, was " + base);
        }
        this.base = base;
    }

    @Override
    public ProbeWriter open(ProbeAttempt attempt) {
        return channel.open(new ProbeAttempt(attempt.subtask(), base + attempt.attempt(), attempt.taskManager()));
    }

    @Override
    public ProbeChannel withAttemptBase(int more) {
        return more == 0 ? this : new AttemptBasedChannel(channel, base + more);
    }
}
