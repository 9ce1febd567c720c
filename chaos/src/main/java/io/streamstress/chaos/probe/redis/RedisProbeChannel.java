package io.streamstress.chaos.probe.redis;

import io.streamstress.chaos.probe.ProbeAttempt;
import io.streamstress.chaos.probe.ProbeChannel;
import io.streamstress.chaos.probe.ProbeWriter;
import java.util.Objects;

/**
 * The Redis channel's task side: the Redis URI (with its password, as the sink carries it), the key prefix and
 * the timings. Each attempt's writer shares its JVM's one connection to that Redis.
 */
public final class RedisProbeChannel implements ProbeChannel {

    private static final long serialVersionUID = 1L;

    private final String redisUri;
    private final String keyPrefix;
    private final RedisProbeTimings timings;

    RedisProbeChannel(String redisUri, String keyPrefix, RedisProbeTimings timings) {
        this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.timings = Objects.requireNonNull(timings, "timings");
    }

    @Override
    public ProbeWriter open(ProbeAttempt attempt) {
        return new RedisProbeWriter(attempt, new ProbeKeys(keyPrefix), RedisLink.acquire(redisUri), timings);
    }

    @Override
    public String toString() {
        return "Redis probe channel under " + keyPrefix;
    }
}
