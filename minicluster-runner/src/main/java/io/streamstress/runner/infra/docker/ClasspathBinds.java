package io.streamstress.runner.infra.docker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;

/**
 * The paths a container binds (read-only, at the same paths) to run this JVM's own class path: the jar for
 * {@code java -jar stress.jar}, the build's class directories and the local Maven repository under a test. The container's JVM then runs exactly the code of the harness (its Kafka, its Flink), with nothing copied.
 * It needs the Docker engine on this machine, as the docker mode does.
 */
final class ClasspathBinds {

    private ClasspathBinds() {}

    /** This JVM's class path. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * What to bind for {@code classPath}, none inside another: its class directories, the local Maven repository
     * for the jars in it, and every other jar by itself.
     */
    static List<Path> paths(String classPath) {
        TreeSet<Path> dirs = new TreeSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                dirs.add(path);
            } else {
                // A jar outside the Maven repository is bound alone: its directory (/tmp, say) must stay the
                // container's own.
                Path root = repositoryRoot(path.getParent());
                dirs.add(root.equals(path.getParent()) ? path : root);
            }
        }
        List<Path> outermost = new ArrayList<>();
        for (Path dir : dirs) {
            if (outermost.stream().noneMatch(dir::startsWith)) {
                outermost.add(dir);
            }
        }
        return outermost;
    }

    /** The local Maven repository's root for a directory inside it (one bind for every dependency), else the directory. */
    private static Path repositoryRoot(Path dir) {
        for (Path at = dir; at != null; at = at.getParent()) {
            if (at.getFileName() != null && at.getFileName().toString().equals("repository")
                    && at.getParent() != null && at.getParent().getFileName() != null
                    && at.getParent().getFileName().toString().equals(".m2")) {
                return at;
            }
        }
        return dir;
    }

    /** {@code container} with every path of {@code classPath} bound read-only at the same path. */
    static <C extends GenericContainer<?>> C bound(C container, String classPath) {
        for (Path path : paths(classPath)) {
            container.withFileSystemBind(path.toString(), path.toString(), BindMode.READ_ONLY);
        }
        return container;
    }
}
