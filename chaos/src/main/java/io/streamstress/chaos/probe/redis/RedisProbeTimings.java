package io.streamstress.chaos.probe.redis;

import java.io.Serializable;
import java.time.Duration;

/**
 * The Redis channel's timings.
 *
 * @param flushInterval how often an attempt sends its figures
 * @param closeWait how long an ending attempt waits for its last batch
 * @param takeWait how long an attempt about to throw waits for its arm, and then for its last batch
 * @param readTimeout how long one read of the harness may wait for Redis
 * @param readKeep how long the reader keeps a figure the harness polls (processed count, events)
 * @param readBackOff how long the reader serves the last figures after a failed read before trying again
 */
public record RedisProbeTimings(Duration flushInterval, Duration closeWait, Duration takeWait, Duration readTimeout,
        Duration readKeep, Duration readBackOff) implements Serializable {

    public static final RedisProbeTimings DEFAULT = new RedisProbeTimings(Duration.ofMillis(100), Duration.ofSeconds(2),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(40), Duration.ofSeconds(1));
}
