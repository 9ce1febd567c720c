package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.RedisServerSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harness error of {@code java -jar stress.jar} in a fresh JVM (where logging starts with the run, unlike
 * the in-process tests): exactly one line on stderr, exit code 1, at once when waiting cannot help, and no
 * run directory left behind.
 */
class StressJarErrorsITCase {

    /** Well under the default {@code --connect-timeout} (20 s); the two JVM starts take most of it. */
    private static final Duration FAST = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aRefusedRedisConnectionIsOneLineAtOnceAndLeavesNoRunDirectory() throws Exception {
        // Given a port nothing listens on, and a temp dir of the run's own to look into
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path tmp = Files.createDirectories(dir.resolve("tmp"));

        // When the jar is pointed at it, with the default connect timeout
        JarProcess run = JarProcess.start(dir.resolve("run"), List.of("-Djava.io.tmpdir=" + tmp),
                "--messages", "10", "--redis-uri", "redis://127.0.0.1:" + closedPort, "--report-dir", dir.resolve("report").toString());
        int code = run.waitFor(Duration.ofMinutes(1));

        // Then one line says so, well before the connect timeout, and the run directory is gone
        assertThat(code).as("exit code; stderr: %s", run.err()).isEqualTo(ExitCodes.HARNESS_ERROR);
        assertThat(run.errLines()).as("stderr").hasSize(1);
        assertThat(run.errLines().get(0)).as("the error")
                .startsWith("stress.jar: Redis at redis://127.0.0.1:" + closedPort + " refused the connection");
        assertThat(run.elapsed()).as("time to the error (a refused connection is final)").isLessThan(FAST);
        assertThat(runDirectoriesIn(tmp)).as("run directories left in java.io.tmpdir").isEmpty();
    }

    @Test
    void aWrongRedisPasswordIsOneLineAndLeavesNoRunDirectory() throws Exception {
        // Given a Redis with a password
        try (EmbeddedRedisServer redis = new EmbeddedRedisServer(RedisServerSettings.loopback(dir.resolve("redis"), "right"))) {
            redis.start();
            Path runDir = dir.resolve("run-dir");

            // When the jar gives it the wrong one
            JarProcess run = JarProcess.start(dir.resolve("run"), List.of(), "--messages", "10",
                    "--redis-uri", "redis://:wrong@127.0.0.1:" + redis.port(), "--run-dir", runDir.toString(),
                    "--report-dir", dir.resolve("report").toString());
            int code = run.waitFor(Duration.ofMinutes(1));

            // Then exactly one line, without the password, and the run directory is deleted
            assertThat(code).as("exit code; stderr: %s", run.err()).isEqualTo(ExitCodes.HARNESS_ERROR);
            assertThat(run.errLines()).as("stderr").hasSize(1);
            assertThat(run.errLines().get(0)).as("the error").contains("refused the password").doesNotContain("wrong@");
            assertThat(runDir).as("run directory after exit 1").doesNotExist();
        }
    }

    private static List<Path> runDirectoriesIn(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("streamstress")).toList();
        }
    }
}
