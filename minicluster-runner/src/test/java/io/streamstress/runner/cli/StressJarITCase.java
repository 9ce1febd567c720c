package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
