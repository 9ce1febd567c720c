package io.streamstress.runner.infra.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathBindsTest {

    @TempDir
    Path tmp;

    @Test
    void aJarOutsideTheRepositoryIsBoundAloneAndTheRepositoryOnce() throws Exception {
        // Given a class path of a class directory, two jars in a Maven repository and a jar in a shared directory
        Path classes = Files.createDirectories(tmp.resolve("module/target/classes"));
        Path repository = Files.createDirectories(tmp.resolve("home/.m2/repository"));
        Path kafka = Files.createDirectories(repository.resolve("org/apache/kafka/4.2.0")).resolve("kafka.jar");
        Path flink = Files.createDirectories(repository.resolve("org/apache/flink/2.2.1")).resolve("flink.jar");
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Path jar = Files.createFile(shared.resolve("stress.jar"));
        Files.createFile(kafka);
        Files.createFile(flink);
        String classPath = String.join(File.pathSeparator, classes.toString(), kafka.toString(), flink.toString(),
                jar.toString());

        // When
        var binds = ClasspathBinds.paths(classPath);

        // Then the class directory, the repository's root once and the jar itself, never the directory it is in
        assertThat(binds).as("binds").containsExactlyInAnyOrder(classes, repository, jar).doesNotContain(shared);
    }
}
