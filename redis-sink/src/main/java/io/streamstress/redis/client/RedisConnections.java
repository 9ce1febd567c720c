package io.streamstress.redis.client;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;

/**
 * One Lettuce client and connection with the options every part of streamstress wants: commands time out
 * instead of hanging, and commands are rejected, not buffered, while disconnected (Lettuce would otherwise
 * replay buffered commands after a reconnect, and only the sink's idempotent script may ever be replayed).
 */
public final class RedisConnections implements AutoCloseable {

    /** How long one command may take before it fails. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisConnections(RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.client = client;
        this.connection = connection;
    }

    /**
     * Connects (and authenticates, when the URI carries a password).
     *
     * @throws io.lettuce.core.RedisException when Redis cannot be reached or refuses the credentials
     */
    public static RedisConnections open(String redisUri, Duration commandTimeout) {
        RedisURI uri = RedisURI.create(redisUri);
        uri.setTimeout(commandTimeout);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        try {
            return new RedisConnections(client, client.connect());
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw e;
        }
    }

    public StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
