package io.streamstress.runner.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The options that keep newer JDKs quiet: only ones the JVM knows, since an unknown one stops it from starting. */
class JvmDefaultsTest {

    @Test
    void jdk17GetsNativeAccessOnlyAndJdk23OnGetsUnsafeMemoryAccessToo() {
        // Given the JDK releases around JEP 471, which added --sun-misc-unsafe-memory-access in 23
        // When / Then
        assertThat(JvmDefaults.quietOptions(17)).as("JDK 17").containsExactly("--enable-native-access=ALL-UNNAMED");
        assertThat(JvmDefaults.quietOptions(22)).as("JDK 22").containsExactly("--enable-native-access=ALL-UNNAMED");
        assertThat(JvmDefaults.quietOptions(25)).as("JDK 25")
                .containsExactly("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");
    }

    @Test
    void thisJvmStartsWithTheOptionsItGets() throws Exception {
        // Given the java of this JVM and the options the jar would give the JVMs it starts with it
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JvmDefaults.quietOptions());
        command.add("-version");

        // When it starts with them
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());

        // Then it accepts them
        assertThat(java.waitFor(1, TimeUnit.MINUTES)).as("java -version ended").isTrue();
        assertThat(java.exitValue()).as("exit code of %s: %s", command, output).isZero();
        assertThat(output).as("output").doesNotContain("Unrecognized option");
    }
}
