package io.streamstress.runner.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamstress.runner.infra.HarnessException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobJarTest {

    private static final byte[] CONTENT = {'P', 'K', 3, 4};

    @TempDir
    Path dir;

    @Test
    void thePropertysFileComesFirst() throws Exception {
        // Given a job jar file named by the system property
        Path jar = Files.write(dir.resolve("given.jar"), CONTENT);

        // When the job jar is looked for
        // Then it is that file, not extracted anywhere
        assertThat(JobJar.locate(Optional.of(jar.toString()), loaderWithEmbeddedJar(), dir.resolve("run")))
                .as("job jar").isEqualTo(jar);
        assertThat(dir.resolve("run")).as("run directory").doesNotExist();
    }

    @Test
    void withoutThePropertyTheEmbeddedJarIsExtractedIntoTheRunDirectory() throws Exception {
        // Given no property, and a class path that carries the job jar as stress.jar does
        // When the job jar is looked for
        Path jar = JobJar.locate(Optional.empty(), loaderWithEmbeddedJar(), dir.resolve("run"));

        // Then it is extracted into the run directory
        assertThat(jar).as("job jar").isEqualTo(dir.resolve("run").resolve(JobJar.FILE_NAME));
        assertThat(Files.readAllBytes(jar)).as("content").isEqualTo(CONTENT);
    }

    @Test
    void neitherIsAClearError() throws Exception {
        // Given a property naming no file, or no property and no embedded jar
        ClassLoader empty = new URLClassLoader(new URL[0], null);

        // When the job jar is looked for
        // Then the error says what to do
        assertThatThrownBy(() -> JobJar.locate(Optional.of(dir.resolve("missing.jar").toString()), empty, dir))
                .as("property naming no file").isInstanceOf(HarnessException.class)
                .hasMessageContaining("-D" + JobJar.PROPERTY + "=").hasMessageContaining("names no file");
        assertThatThrownBy(() -> JobJar.locate(Optional.empty(), empty, dir))
                .as("nothing embedded").isInstanceOf(HarnessException.class)
                .hasMessageContaining("carries no job jar").hasMessageContaining("-D" + JobJar.PROPERTY);
    }

    private ClassLoader loaderWithEmbeddedJar() throws Exception {
        Path root = dir.resolve("classpath");
        Path embedded = root.resolve(JobJar.RESOURCE);
        Files.createDirectories(embedded.getParent());
        Files.write(embedded, CONTENT);
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }
}
