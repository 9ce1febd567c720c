package io.streamstress.runner.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the run's Kafka and Redis run when it starts them itself ({@code --infra}): in this process and a child
 * process ({@code embedded}, the default), or each in its own Docker container ({@code docker}, through
 * Testcontainers), with the images those containers run.
 *
 * @param kind embedded or docker
 * @param redisImage the image the Redis container runs ({@code redis-server} on its path)
 * @param jreImage the image the broker's container runs the harness's own Kafka on ({@code java} 17 or newer on its
 *     path; {@code tc} from iproute2 too for {@code network-delay})
 */
public record InfraSettings(Kind kind, String redisImage, String jreImage) {

    /** What a user with a registry pulls; CI and the tests use the image {@code stress-scripts/build-images.sh} builds. */
    public static final String DEFAULT_REDIS_IMAGE = "redis:7.4";
    public static final String DEFAULT_JRE_IMAGE = "eclipse-temurin:17-jre";
    public static final InfraSettings EMBEDDED = new InfraSettings(Kind.EMBEDDED, DEFAULT_REDIS_IMAGE, DEFAULT_JRE_IMAGE);

    /** Where the servers run. */
    public enum Kind {
        EMBEDDED,
        DOCKER;

        /** Parses {@code embedded} or {@code docker}. */
        public static Kind parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--infra must be embedded or docker, was '" + text + "'", e);
            }
        }
    }

    public InfraSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(redisImage, "redisImage");
        Objects.requireNonNull(jreImage, "jreImage");
        require(redisImage.matches("[\\w./:@-]+"), "--redis-image must be an image name such as " + DEFAULT_REDIS_IMAGE
                + ", was '" + redisImage + "'");
        require(jreImage.matches("[\\w./:@-]+"), "--jre-image must be an image name such as " + DEFAULT_JRE_IMAGE
                + ", was '" + jreImage + "'");
    }

    /** Docker containers from these images. */
    public static InfraSettings docker(String redisImage, String jreImage) {
        return new InfraSettings(Kind.DOCKER, redisImage, jreImage);
    }

    public boolean docker() {
        return kind == Kind.DOCKER;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
