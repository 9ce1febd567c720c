package io.streamstress.redis.client;

import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks and prints Redis URIs without leaking their password. A Redis Cluster is written as
 * {@code redis-cluster://[user:password@]host:port[,host:port…]} ({@code rediss-cluster://} for TLS): its seed
 * nodes, from which the client learns the rest of the cluster, all with the same credentials.
 */
public final class RedisUris {

    /** The scheme of a Redis Cluster's seed nodes, without TLS. */
    public static final String CLUSTER_SCHEME = "redis-cluster";
    /** The scheme of a Redis Cluster's seed nodes, with TLS. */
    public static final String TLS_CLUSTER_SCHEME = "rediss-cluster";

    private RedisUris() {}

    /**
     * Parses {@code uri} the way the clients will (a cluster's first seed node).
     *
     * @throws IllegalArgumentException with a message that says what form is expected
     */
    public static RedisURI parse(String uri) {
        if (isCluster(uri)) {
            return clusterSeeds(uri).get(0);
        }
        if (uri == null || !(uri.startsWith("redis://") || uri.startsWith("rediss://"))) {
            throw new IllegalArgumentException(
                    "'" + uri + "' is not a Redis URI: use redis://[:password@]host:port[/db] (rediss:// for TLS)");
        }
        return parseOne(uri);
    }

    private static RedisURI parseOne(String uri) {
        try {
            RedisURI parsed = RedisURI.create(uri);
            if (parsed.getHost() == null || parsed.getHost().isBlank()) {
                throw new IllegalArgumentException("no host");
            }
            return parsed;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + redact(uri) + "' is not a Redis URI ("
                    + e.getMessage() + "): use redis://[:password@]host:port[/db]", e);
        }
    }

    /** Whether {@code uri} names a Redis Cluster ({@value #CLUSTER_SCHEME}:// or {@value #TLS_CLUSTER_SCHEME}://). */
    public static boolean isCluster(String uri) {
        return uri != null && (uri.startsWith(CLUSTER_SCHEME + "://") || uri.startsWith(TLS_CLUSTER_SCHEME + "://"));
    }

    /**
     * The cluster URI of the seed nodes in {@code seeds}, {@code redis://[user:password@]host:port[,host:port…]}
     * ({@code rediss://} for TLS), as a user gives them.
     *
     * @throws IllegalArgumentException when a seed is not host:port
     */
    public static String cluster(String seeds) {
        if (seeds == null || !(seeds.startsWith("redis://") || seeds.startsWith("rediss://"))) {
            throw new IllegalArgumentException("'" + redact(seeds) + "' is not a Redis URI: use "
                    + "redis://[:password@]host:port[,host:port…] (rediss:// for TLS)");
        }
        String uri = seeds.replaceFirst("^(rediss?)://", "$1-cluster://");
        clusterSeeds(uri);
        return uri;
    }

    /**
     * The seed nodes of the cluster {@code uri}, each with the URI's credentials and options.
     *
     * @throws IllegalArgumentException when it is not a cluster URI or a seed is not host:port
     */
    public static List<RedisURI> clusterSeeds(String uri) {
        if (!isCluster(uri)) {
            throw new IllegalArgumentException("'" + redact(uri) + "' is not a Redis Cluster URI");
        }
        String scheme = uri.startsWith(TLS_CLUSTER_SCHEME) ? "rediss://" : "redis://";
        String rest = uri.substring(uri.indexOf("://") + 3);
        int at = rest.lastIndexOf('@');
        String credentials = at < 0 ? "" : rest.substring(0, at + 1);
        String afterCredentials = rest.substring(at + 1);
        int options = indexOfAny(afterCredentials, "/?");
        String hosts = options < 0 ? afterCredentials : afterCredentials.substring(0, options);
        String suffix = options < 0 ? "" : afterCredentials.substring(options);
        List<RedisURI> seeds = new ArrayList<>();
        for (String host : hosts.split(",")) {
            if (!host.matches("[^\\s,:/]+:\\d+")) {
                throw new IllegalArgumentException("'" + redact(uri) + "': each seed node must be host:port, was '"
                        + host + "'");
            }
            seeds.add(parseOne(scheme + credentials + host + suffix));
        }
        return List.copyOf(seeds);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The URI with any password replaced by {@code ***}. */
    public static String redact(String uri) {
        return uri == null ? null : uri.replaceAll("(rediss?(-cluster)?://)[^@/]*@", "$1***@");
    }
}
