package io.streamstress.chaos.probe.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lettuce client and connection per JVM and Redis URI, shared by all the probe's writers and readers of the
 * JVM (reference-counted: the last to leave closes it). A TaskManager with 20 subtasks then holds one connection
 * and one set of client threads, not 20. Connecting is asynchronous: a writer never waits for it; until the
 * connection is up, it keeps its figures.
 *
 * <p>Commands time out ({@link #COMMAND_TIMEOUT}) instead of waiting for ever on a stalled Redis, and are
 * rejected, not buffered, while disconnected; after a lost connection Lettuce reconnects within a second of
 * Redis being back. Every command the probe sends may be repeated harmlessly (see the package documentation).
 *
 * <p>A Redis Cluster ({@code redis-cluster://host:port[,…]}, the form the harness writes) is reached through Lettuce's
 * cluster client from its first seed node, which tells it the rest; the channel's keys share the run's hash tag.
 */
final class RedisLink {

    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final long RECONNECT_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Map<String, RedisLink> SHARED = new HashMap<>();

    private final String redisUri;
    private final RedisURI uri;
    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final boolean cluster;
    private int users;
    private volatile StatefulConnection<String, String> connected;
    private CompletableFuture<StatefulConnection<String, String>> connecting;
    private long lastAttemptNanos;
    private boolean closed;

    private RedisLink(String redisUri) {
        this.redisUri = redisUri;
        this.cluster = isCluster(redisUri);
        this.uri = RedisURI.create(cluster ? firstSeed(redisUri) : redisUri);
        uri.setTimeout(COMMAND_TIMEOUT);
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        SocketOptions socket = SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build();
        if (cluster) {
            RedisClusterClient clusterClient = RedisClusterClient.create(resources, uri);
            clusterClient.setOptions(common(ClusterClientOptions.builder(), socket)
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().enableAllAdaptiveRefreshTriggers().build())
                    .build());
            this.client = clusterClient;
        } else {
            RedisClient single = RedisClient.create(resources, uri);
            single.setOptions(common(ClientOptions.builder(), socket).build());
            this.client = single;
        }
    }

    /** What both clients do: reconnect, reject commands while disconnected, time out. */
    private static <B extends ClientOptions.Builder> B common(B builder, SocketOptions socket) {
        builder.autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(socket);
        return builder;
    }

    /** Whether {@code redisUri} names a Redis Cluster by its seed nodes. */
    static boolean isCluster(String redisUri) {
        return redisUri.startsWith("redis-cluster://") || redisUri.startsWith("rediss-cluster://");
    }

    /** The first seed node of a cluster URI, as a plain Redis URI with the same credentials and options. */
    static String firstSeed(String clusterUri) {
        String plain = clusterUri.replaceFirst("^(rediss?)-cluster://", "$1://");
        return plain.replaceFirst("^(rediss?://(?:[^@/]*@)?[^,/?]+),[^/?]*", "$1");
    }

    /** The link to {@code redisUri}, shared; {@link #release()} it when done. */
    static RedisLink acquire(String redisUri) {
        synchronized (SHARED) {
            RedisLink link = SHARED.computeIfAbsent(redisUri, RedisLink::new);
            link.users++;
            return link;
        }
    }

    /** One user fewer; the last one closes the connection and the client (without waiting). */
    void release() {
        synchronized (SHARED) {
            if (--users > 0) {
                return;
            }
            SHARED.remove(redisUri);
        }
        StatefulConnection<String, String> connection;
        synchronized (this) {
            closed = true;
            connection = connected;
            connected = null;
        }
        if (connection != null) {
            connection.closeAsync();
        }
        client.shutdownAsync(0, 2, TimeUnit.SECONDS).whenComplete((v, e) -> resources.shutdown(0, 2, TimeUnit.SECONDS));
    }

    /** The commands when connected; otherwise null (and a connection attempt is under way). Never blocks. */
    RedisClusterAsyncCommands<String, String> now() {
        StatefulConnection<String, String> connection = connected;
        if (connection != null) {
            return async(connection);
        }
        attempt();
        return null;
    }

    /** The commands, waiting up to {@code wait} for the connection; null when it is not up by then. */
    RedisClusterAsyncCommands<String, String> within(Duration wait) throws InterruptedException {
        StatefulConnection<String, String> connection = connected;
        if (connection != null) {
            return async(connection);
        }
        try {
            return async(attempt().get(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** The asynchronous commands of a connection to one Redis or to a cluster (routed by key). */
    @SuppressWarnings("unchecked")
    private static RedisClusterAsyncCommands<String, String> async(StatefulConnection<String, String> connection) {
        if (connection instanceof StatefulRedisClusterConnection<?, ?> toCluster) {
            return ((StatefulRedisClusterConnection<String, String>) toCluster).async();
        }
        return ((StatefulRedisConnection<String, String>) connection).async();
    }

    private synchronized CompletableFuture<StatefulConnection<String, String>> attempt() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("probe link closed"));
        }
        long now = System.nanoTime();
        boolean retry = connecting == null
                || (connecting.isCompletedExceptionally() && now - lastAttemptNanos >= RECONNECT_AFTER_NANOS);
        if (retry) {
            lastAttemptNanos = now;
            connecting = cluster
                    ? ((RedisClusterClient) client).connectAsync(StringCodec.UTF8)
                            .<StatefulConnection<String, String>>thenApply(c -> c).toCompletableFuture()
                    : ((RedisClient) client).connectAsync(StringCodec.UTF8, uri)
                            .<StatefulConnection<String, String>>thenApply(c -> c).toCompletableFuture();
            connecting.whenComplete(this::connectedOrNot);
        }
        return connecting;
    }

    private void connectedOrNot(StatefulConnection<String, String> connection, Throwable failure) {
        if (connection == null) {
            LOG.warn("Probe channel cannot connect to Redis at {}:{} (will try again): {}", uri.getHost(),
                    uri.getPort(), failure.toString());
            return;
        }
        synchronized (this) {
            if (!closed) {
                connected = connection;
                return;
            }
        }
        connection.closeAsync();
    }
}
