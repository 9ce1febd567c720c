package io.streamstress.chaos.probe.redis;

import io.streamstress.chaos.probe.ProbeEnds;

/** Opens the Redis probe channel: for tasks that run in other processes than the harness. */
public final class RedisProbe {

    private RedisProbe() {}

    /**
     * Both ends, with the default timings.
     *
     * @param redisUri {@code redis://[:password@]host:port}, reachable from the harness and the TaskManagers
     * @param keyPrefix where the channel's keys go, e.g. {@code streamstress:<run>:probe:}
     */
    public static ProbeEnds open(String redisUri, String keyPrefix) {
        return open(redisUri, keyPrefix, RedisProbeTimings.DEFAULT);
    }

    public static ProbeEnds open(String redisUri, String keyPrefix, RedisProbeTimings timings) {
        return open(redisUri, redisUri, keyPrefix, timings);
    }

    /**
     * Both ends, with the default timings, for tasks that reach the same Redis by another address than the harness
     * (its name on a Docker network).
     *
     * @param readerUri the Redis as the harness reaches it
     * @param channelUri the same Redis as the tasks reach it
     */
    public static ProbeEnds open(String readerUri, String channelUri, String keyPrefix) {
        return open(readerUri, channelUri, keyPrefix, RedisProbeTimings.DEFAULT);
    }

    private static ProbeEnds open(String readerUri, String channelUri, String keyPrefix, RedisProbeTimings timings) {
        RedisProbeChannel channel = new RedisProbeChannel(channelUri, keyPrefix, timings);
        RedisProbeReader reader = new RedisProbeReader(RedisLink.acquire(readerUri), new ProbeKeys(keyPrefix), timings);
        return new ProbeEnds(channel, reader);
    }
}
