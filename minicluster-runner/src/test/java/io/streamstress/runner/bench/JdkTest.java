package io.streamstress.runner.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkTest {

    @TempDir
    Path dir;

    @Test
    void aJdkHomeOrItsJavaGivesTheJavaAndItsVersion() {
        // Given this JVM's home, and its java
        Path home = Path.of(System.getProperty("java.home"));

        // When each is read
        Jdk fromHome = Jdk.at(home);
        Jdk fromJava = Jdk.at(home.resolve("bin").resolve("java"));

        // Then both are this JVM's java, at its version and feature release
        assertThat(fromHome.java()).as("java of the home").isEqualTo(home.resolve("bin").resolve("java"));
        assertThat(fromHome.version()).as("version").isEqualTo(System.getProperty("java.version"));
        assertThat(fromJava).as("from its java").isEqualTo(fromHome);
        assertThat(fromHome.feature()).as("feature release").isEqualTo(Runtime.version().feature());
    }

    @Test
    void aPathWithoutJavaIsRefusedSayingSo() {
        assertThatThrownBy(() -> Jdk.at(dir)).as("an empty directory").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither a JDK's home nor a java launcher");
    }
}
