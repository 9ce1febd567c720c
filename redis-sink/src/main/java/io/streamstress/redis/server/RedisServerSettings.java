package io.streamstress.redis.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the embedded Redis server.
 *
 * @param dataDir where the config, the AOF and the log go (created if missing)
 * @param host the address Redis binds to; loopback unless you mean to expose it
 * @param port the port, 0 for a free one
 * @param password the {@code requirepass} password; clients must authenticate
 * @param appendFsyncAlways AOF with {@code appendfsync always} (durable counters across a Redis kill)
 *     rather than {@code everysec}
 */
public record RedisServerSettings(Path dataDir, String host, int port, String password, boolean appendFsyncAlways) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public RedisServerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(password, "password");
        if (password.isEmpty() || password.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"')) {
            throw new IllegalArgumentException("the Redis password must be non-empty, without spaces or quotes");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535] (0 picks a free port), was " + port);
        }
    }

    /** Loopback, a free port, the given password, AOF with {@code appendfsync always}. */
    public static RedisServerSettings loopback(Path dataDir, String password) {
        return new RedisServerSettings(dataDir, DEFAULT_HOST, 0, password, true);
    }

    public RedisServerSettings withPort(int newPort) {
        return new RedisServerSettings(dataDir, host, newPort, password, appendFsyncAlways);
    }
}
