package io.streamstress.redis.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import redis.embedded.core.ExecutableProvider;

/**
 * Finds a {@code redis-server}: the one on PATH if there is one, else the one bundled in embedded-redis for
 * this OS and architecture, extracted into the given directory (so that it goes away with it).
 */
final class RedisBinary {

    private RedisBinary() {}

    static Path locate(Path extractInto) throws IOException {
        Optional<Path> onPath = onPath();
        if (onPath.isPresent()) {
            return onPath.get();
        }
        File dir = extractInto.toFile();
        File bundled = ExecutableProvider.newJarResourceProvider(() -> dir).get();
        if (!bundled.canExecute() && !bundled.setExecutable(true)) {
            throw new IOException("cannot make " + bundled + " executable");
        }
        return bundled.toPath();
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
