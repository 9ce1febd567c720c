package io.streamstress.redis.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * @param portPicker chooses the candidates for a port given as 0
 * @param bindAttempts how many times a start may launch Redis on a fresh candidate when a port given as 0 turned
 *     out to be taken by the time Redis bound it (a fixed port gets one attempt: its clients know it)
 * @param extraConfig further {@code redis.conf} lines, after the others (e.g. {@code cluster-enabled yes})
 */
public record RedisServerSettings(Path dataDir, String host, int port, String password, boolean appendFsyncAlways,
        PortPicker portPicker, int bindAttempts, List<String> extraConfig) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Attempts at binding a free port: a taken candidate is rare, five in a row are not expected. */
    public static final int DEFAULT_BIND_ATTEMPTS = 5;

    public RedisServerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(portPicker, "portPicker");
        extraConfig = List.copyOf(extraConfig);
        if (extraConfig.stream().anyMatch(line -> line.contains("\n"))) {
            throw new IllegalArgumentException("each extra config line must be one line");
        }
        if (password.isEmpty() || password.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"')) {
            throw new IllegalArgumentException("the Redis password must be non-empty, without spaces or quotes");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535] (0 picks a free port), was " + port);
        }
        if (bindAttempts < 1) {
            throw new IllegalArgumentException("bindAttempts must be at least 1, was " + bindAttempts);
        }
    }

    /** Settings without extra config lines. */
    public RedisServerSettings(Path dataDir, String host, int port, String password, boolean appendFsyncAlways,
            PortPicker portPicker, int bindAttempts) {
        this(dataDir, host, port, password, appendFsyncAlways, portPicker, bindAttempts, List.of());
    }

    /** Loopback, a free port, the given password, AOF with {@code appendfsync always}. */
    public static RedisServerSettings loopback(Path dataDir, String password) {
        return new RedisServerSettings(dataDir, DEFAULT_HOST, 0, password, true, PortPicker.free(), DEFAULT_BIND_ATTEMPTS);
    }

    public RedisServerSettings withPort(int newPort) {
        return new RedisServerSettings(dataDir, host, newPort, password, appendFsyncAlways, portPicker, bindAttempts,
                extraConfig);
    }

    /** The same server choosing the candidates for a free port with {@code picker}. */
    public RedisServerSettings withPortPicker(PortPicker picker) {
        return new RedisServerSettings(dataDir, host, port, password, appendFsyncAlways, picker, bindAttempts,
                extraConfig);
    }

    /** The same server with {@code lines} added to its {@code redis.conf}. */
    public RedisServerSettings withConfig(String... lines) {
        List<String> all = new ArrayList<>(extraConfig);
        all.addAll(List.of(lines));
        return new RedisServerSettings(dataDir, host, port, password, appendFsyncAlways, portPicker, bindAttempts, all);
    }
}
