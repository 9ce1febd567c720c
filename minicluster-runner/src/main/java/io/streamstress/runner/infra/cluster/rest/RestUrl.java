package io.streamstress.runner.infra.cluster.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The REST address of a Flink session cluster as {@code --cluster} gives it: {@code http://HOST:PORT}, nothing
 * else (Flink's REST client takes a host and a port; a path prefix or TLS would need settings it is not given).
 *
 * @param host the JobManager's REST host
 * @param port its REST port
 */
public record RestUrl(String host, int port) {

    /** Flink's default REST port, for a URL that names none. */
    public static final int DEFAULT_PORT = 8081;

    private static final String SCHEME = "http";

    public RestUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the REST URL names no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the REST port must be between 1 and 65535, was " + port);
        }
    }

    /**
     * Parses {@code http://HOST[:PORT][/]}.
     *
     * @throws IllegalArgumentException naming what is wrong and what a valid one looks like
     */
    public static RestUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw invalid(text, e.getReason());
        }
        if (uri.getScheme() == null || !SCHEME.equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw invalid(text, "only http:// is supported");
        }
        if (uri.getHost() == null) {
            throw invalid(text, "it names no host");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !"/".equals(path)) || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw invalid(text, "it must be just scheme, host and port");
        }
        try {
            return new RestUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
        } catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }
    }

    /** The URI of {@code path} (e.g. {@code /config}) on this endpoint. */
    public URI resolve(String path) {
        return URI.create(toString() + path);
    }

    @Override
    public String toString() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return SCHEME + "://" + shownHost + ":" + port;
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException(
                "'" + text + "' is not a Flink REST URL (" + why + "): give http://HOST:PORT, e.g. http://127.0.0.1:8081");
    }
}
