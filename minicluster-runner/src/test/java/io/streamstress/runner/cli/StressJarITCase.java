package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded {@code stress.jar} itself, run as a user runs it: {@code java -jar}, no JVM flags. */
class StressJarITCase {

    private static final Path JAR = Path.of("target", "stress.jar");

    @TempDir
    Path dir;

    @Test
    void runsWithJavaDashJarAndLeavesNothingBehind() throws Exception {
        // Given the jar the build produced, and a run directory we can look into afterwards
        assertThat(JAR).as("shaded jar (built in the package phase)").isRegularFile();
        Path runDir = dir.resolve("run");

        // When it runs a small job
        Process process = new ProcessBuilder(javaBinary(), "-jar", JAR.toString(), "--messages", "30000",
                "--partitions", "4", "--task-managers", "2", "--slots-per-task-manager", "2", "--run-dir", runDir.toString())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("finished within 3 minutes").isTrue();
        List<String> out = Files.readAllLines(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);

        // Then it passed, said so on its last line, printed nothing on stderr, and cleaned up
        assertThat(process.exitValue()).as("exit code; stdout %s; stderr %s", out, err).isEqualTo(ExitCodes.PASS);
        assertThat(out.get(out.size() - 1)).as("last line")
                .startsWith("VERDICT PASS produced=30000 committed=30000 lost=0 duplicated=0 seconds=");
        assertThat(err).as("stderr").isEmpty();
        assertThat(runDir).as("run directory deleted (no --keep)").doesNotExist();
        assertThat(redisServersUnder(runDir)).as("redis-server processes left behind").isEmpty();
    }

    @Test
    void runsOnJdk25WithNothingOnStderr() throws Exception {
        // Given a JDK 25 (the current LTS), when one is installed
        Optional<String> java25 = Jdk25.java();
        assumeTrue(java25.isPresent(), "no JDK 25 found ($JAVA25_HOME, /usr/lib/jvm/temurin-25*)");

        // When the jar runs a small job with it (the launcher with no flags, its worker JVM with the jar's)
        JarProcess run = JarProcess.start(java25.get(), dir.resolve("jdk25"), List.of(), "--messages", "30000",
                "--partitions", "4", "--task-managers", "2", "--slots-per-task-manager", "2",
                "--report-dir", dir.resolve("report").toString());
        int code = run.waitFor(Duration.ofMinutes(3));

        // Then it passed, and no JVM warning (native access, sun.misc.Unsafe) reached stderr
        assertThat(code).as("exit code; stdout %s; stderr %s", run.out(), run.err()).isEqualTo(ExitCodes.PASS);
        assertThat(run.err()).as("stderr on JDK 25").isEmpty();
    }

    @Test
    void itsManifestEnablesNativeAccessForJavaDashJar() throws Exception {
        // Given the shaded jar
        // When its manifest is read
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();

            // Then JDK 22+ let its libraries load native code without a warning
            assertThat(main.getValue("Enable-Native-Access")).as("Enable-Native-Access").isEqualTo("ALL-UNNAMED");
            assertThat(main.getValue("Main-Class")).as("Main-Class").isEqualTo(StressMain.class.getName());
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<ProcessHandle> redisServersUnder(Path runDir) throws IOException {
        String marker = runDir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("redis-server") && c.contains(marker)).orElse(false))
                .toList();
    }
}
