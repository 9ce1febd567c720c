package io.streamstress.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Where a JDK 25 is installed, if it is: {@code $JAVA25_HOME}, else {@code /usr/lib/jvm/temurin-25*} (as CI finds it). */
final class Jdk25 {

    private Jdk25() {}

    static Optional<String> java() throws IOException {
        String home = System.getenv("JAVA25_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "java"))) {
            return Optional.of(Path.of(home, "bin", "java").toString());
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(jvms)) {
            return installed.filter(p -> p.getFileName().toString().startsWith("temurin-25"))
                    .map(p -> p.resolve("bin").resolve("java")).filter(Files::isExecutable).sorted()
                    .map(Path::toString).findFirst();
        }
    }
}
