package io.streamstress.redis.client;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.List;

/**
 * One Lettuce client and connection with the options every part of streamstress wants: commands time out
 * instead of hanging, and commands are rejected, not buffered, while disconnected (Lettuce would otherwise
 * replay buffered commands after a reconnect, and only the sink's idempotent script may ever be replayed). A
 * {@link RedisUris#isCluster cluster URI} gets Lettuce's cluster client, which routes each command to the master of
 * its key's hash slot and follows the cluster's topology as it changes; {@link #commands()} are the same either way.
 */
public final class RedisConnections implements AutoCloseable {

    /** How long one command may take before it fails. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);
    /** How often the cluster client reads the topology besides when a MOVED or a failed connection tells it to. */
    public static final Duration CLUSTER_TOPOLOGY_REFRESH = Duration.ofSeconds(30);

    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> commands;

    private RedisConnections(AbstractRedisClient client, StatefulConnection<String, String> connection,
            RedisClusterCommands<String, String> commands) {
        this.client = client;
        this.connection = connection;
        this.commands = commands;
    }

    /**
     * Connects (and authenticates, when the URI carries a password): to one Redis, or to a Redis Cluster through
     * its seed nodes.
     *
     * @throws io.lettuce.core.RedisException when Redis cannot be reached or refuses the credentials
     */
    public static RedisConnections open(String redisUri, Duration commandTimeout) {
        if (RedisUris.isCluster(redisUri)) {
            return openCluster(RedisUris.clusterSeeds(redisUri), commandTimeout);
        }
        RedisURI uri = RedisURI.create(redisUri);
        uri.setTimeout(commandTimeout);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(common(ClientOptions.builder(), commandTimeout).build());
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            return new RedisConnections(client, connection, connection.sync());
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw e;
        }
    }

    private static RedisConnections openCluster(List<RedisURI> seeds, Duration commandTimeout) {
        seeds.forEach(seed -> seed.setTimeout(commandTimeout));
        RedisClusterClient client = RedisClusterClient.create(seeds);
        client.setOptions(common(ClusterClientOptions.builder(), commandTimeout)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(CLUSTER_TOPOLOGY_REFRESH)
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .build());
        try {
            StatefulRedisClusterConnection<String, String> connection = client.connect();
            return new RedisConnections(client, connection, connection.sync());
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw e;
        }
    }

    /** What both clients do: reconnect, reject commands while disconnected, time commands out. */
    private static <B extends ClientOptions.Builder> B common(B builder, Duration commandTimeout) {
        builder.autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout));
        return builder;
    }

    /** The synchronous commands, routed by key on a cluster. */
    public RedisClusterCommands<String, String> commands() {
        return commands;
    }

    /**
     * The connection to a single Redis.
     *
     * @throws IllegalStateException on a cluster, which has one connection per node: use {@link #commands()}
     */
    @SuppressWarnings("unchecked")
    public StatefulRedisConnection<String, String> connection() {
        if (!(connection instanceof StatefulRedisConnection)) {
            throw new IllegalStateException("a Redis Cluster has no single connection: use commands()");
        }
        return (StatefulRedisConnection<String, String>) connection;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
