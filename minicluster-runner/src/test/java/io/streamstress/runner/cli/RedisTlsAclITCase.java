package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.runner.infra.docker.TestingDocker;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * Redis as production runs it, reached by {@code --redis-uri}: TLS only ({@code rediss://}, a self-signed certificate
 * the server made at its start) and an ACL user instead of the default user's password. Skipped, with the reason,
 * where no Docker engine answers or the image is missing.
 */
@Testcontainers(disabledWithoutDocker = true)
class RedisTlsAclITCase {

    private static final String USER = "streamstress";
    private static final String PASSWORD = "s3cret-acl";

    /** Debian's Redis 7 (built with TLS) on its TLS port only; the default user is off, so only the ACL user gets in. */
    @Container
    static final GenericContainer<?> REDIS = new GenericContainer<>(DockerImageName.parse(TestingDocker.IMAGE))
            .withExposedPorts(6379)
            .withCommand("sh", "-c", "cd /tmp && openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                    + "-keyout key.pem -out cert.pem 2>/dev/null && exec redis-server --port 0 --tls-port 6379 "
                    + "--tls-cert-file cert.pem --tls-key-file key.pem --tls-ca-cert-file cert.pem --tls-auth-clients no "
                    + "--protected-mode no --save '' --appendonly yes --appendfsync always "
                    + "--user default off --user " + USER + " on '>" + PASSWORD + "' '~*' '&*' '+@all'")
            .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));

    @TempDir
    Path tmp;

    @BeforeAll
    static void imageIsThere() {
        TestingDocker.assumeImage();
    }

    @Test
    void aRunCountsExactlyOnceThroughTlsAsAnAclUser() {
        // Given Redis on TLS only, with an ACL user
        String uri = "rediss://" + USER + ":" + PASSWORD + "@127.0.0.1:" + REDIS.getMappedPort(6379) + "?verifyPeer=NONE";

        // When a run at 40,000 msg/s with a task failure commits there
        CommandResult result = CommandResult.run("--redis-uri", uri, "--messages", "200000", "--rate", "40000", "--partitions", "4",
                "--task-managers", "2", "--slots-per-task-manager", "2", "--chaos", "task-exception",
                "--max-time", "3m", "--report-dir", tmp.resolve("report").toString());

        // Then the count is exact, and the password never shows
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("verdict")
                .startsWith("VERDICT PASS produced=200000 committed=200000 lost=0 duplicated=0 seconds=");
        assertThat(result.out() + result.err()).as("the password is redacted").doesNotContain(PASSWORD);
    }

    @Test
    void aWrongAclPasswordIsOneLineAndExitCode1() {
        // Given the ACL user with a wrong password
        String uri = "rediss://" + USER + ":wrong@127.0.0.1:" + REDIS.getMappedPort(6379) + "?verifyPeer=NONE";

        // When
        CommandResult result = CommandResult.run("--redis-uri", uri, "--messages", "1000", "--partitions", "1",
                "--task-managers", "1", "--report-dir", tmp.resolve("report").toString());

        // Then the harness says why in one line, before anything else started
        assertThat(result.exitCode()).as("exit code; stdout:%n%s", result.out()).isEqualTo(ExitCodes.HARNESS_ERROR);
        assertThat(result.errLines()).as("stderr").hasSize(1).first().asString().contains("refused");
    }

    @Test
    void aPlainConnectionToTheTlsPortIsRefused() {
        // Given the same server, reached without TLS
        String uri = "redis://" + USER + ":" + PASSWORD + "@127.0.0.1:" + REDIS.getMappedPort(6379);

        // When
        CommandResult result = CommandResult.run("--redis-uri", uri, "--messages", "1000", "--partitions", "1",
                "--task-managers", "1", "--connect-timeout", "5s", "--report-dir", tmp.resolve("report").toString());

        // Then the run does not start, with one line on stderr
        assertThat(result.exitCode()).as("exit code; stdout:%n%s", result.out()).isEqualTo(ExitCodes.HARNESS_ERROR);
        assertThat(result.errLines()).as("stderr").hasSize(1);
    }
}
