package io.streamstress.runner.config;

import io.streamstress.runner.infra.cluster.ClusterKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the job runs ({@code --cluster}): {@code embedded} (a MiniCluster in this JVM, the default), {@code local}
 * (a session cluster of JobManager and TaskManager JVMs the jar starts), {@code docker} (the same in containers,
 * with {@code --infra docker}) or the REST URL of a user's running
 * session cluster.
 *
 * @param kind which of the three
 * @param restUrl the user's cluster, for {@link ClusterKind#REMOTE} only
 */
public record ClusterChoice(ClusterKind kind, Optional<URI> restUrl) {

    public static final String EMBEDDED = "embedded";
    public static final String LOCAL = "local";
    public static final String DOCKER = "docker";
    public static final ClusterChoice DEFAULT = new ClusterChoice(ClusterKind.EMBEDDED, Optional.empty());

    public ClusterChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(restUrl, "restUrl");
        if ((kind == ClusterKind.REMOTE) != restUrl.isPresent()) {
            throw new IllegalArgumentException("a REST URL goes with a remote cluster, and only with one");
        }
    }

    /** Parses {@code embedded}, {@code local}, {@code docker} or {@code http(s)://host:port}. */
    public static ClusterChoice parse(String text) {
        String given = text.trim();
        switch (given.toLowerCase(Locale.ROOT)) {
            case EMBEDDED:
                return DEFAULT;
            case LOCAL:
                return new ClusterChoice(ClusterKind.LOCAL, Optional.empty());
            case DOCKER:
                return new ClusterChoice(ClusterKind.DOCKER, Optional.empty());
            default:
                return new ClusterChoice(ClusterKind.REMOTE, Optional.of(url(given)));
        }
    }

    private static URI url(String given) {
        try {
            URI uri = new URI(given);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                    || uri.getPort() < 0) {
                throw new URISyntaxException(given, "not http(s)://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be embedded, local, docker or a Flink REST URL such as "
                    + "http://127.0.0.1:8081, was '" + given + "'", e);
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EMBEDDED -> EMBEDDED;
            case LOCAL -> LOCAL;
            case DOCKER -> DOCKER;
            case REMOTE -> restUrl.get().toString();
        };
    }
}
