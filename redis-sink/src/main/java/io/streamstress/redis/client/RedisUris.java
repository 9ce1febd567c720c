package io.streamstress.redis.client;

import io.lettuce.core.RedisURI;

/** Checks and prints Redis URIs without leaking their password. */
public final class RedisUris {

    private RedisUris() {}

    /**
     * Parses {@code uri} the way the clients will.
     *
     * @throws IllegalArgumentException with a message that says what form is expected
     */
    public static RedisURI parse(String uri) {
        if (uri == null || !(uri.startsWith("redis://") || uri.startsWith("rediss://"))) {
            throw new IllegalArgumentException(
                    "'" + uri + "' is not a Redis URI: use redis://[:password@]host:port[/db] (rediss:// for TLS)");
        }
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

    /** The URI with any password replaced by {@code ***}. */
    public static String redact(String uri) {
        return uri == null ? null : uri.replaceAll("(rediss?://)[^@/]*@", "$1***@");
    }
}
