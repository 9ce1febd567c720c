package io.streamstress.redis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.lettuce.core.RedisException;
import io.streamstress.redis.client.RedisConnections;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisServerITCase {

    @TempDir
    Path dir;

    @Test
    void servesAuthenticatedClientsOnLoopbackAndStopsItsProcess() throws Exception {
        // Given a started server
        EmbeddedRedisServer server = new EmbeddedRedisServer(RedisServerSettings.loopback(dir, "s3cret"));
        server.start();
        long pid = server.pid();
        try {
            // When a client with the password writes
            try (RedisConnections redis = RedisConnections.open(server.uri(), Duration.ofSeconds(5))) {
                redis.connection().sync().set("k", "v");
                // Then it reads its write back
                assertThat(redis.connection().sync().get("k")).as("value read back").isEqualTo("v");
            }
            // And a client without the password is refused
            assertThatThrownBy(() -> {
                try (RedisConnections anonymous =
                        RedisConnections.open("redis://127.0.0.1:" + server.port(), Duration.ofSeconds(5))) {
                    anonymous.connection().sync().get("k");
                }
            }).as("unauthenticated access").isInstanceOf(RedisException.class).hasStackTraceContaining("NOAUTH");
            assertThat(Files.readString(dir.resolve("redis.conf"))).as("config")
                    .contains("bind 127.0.0.1", "appendonly yes", "appendfsync always");
        } finally {
            server.stop();
        }
        // Then the redis-server process is gone
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("redis alive after stop").isFalse();
    }

    @Test
    void aPortTakenBeforeRedisBindsItIsRetriedOnAFreshPort() throws Exception {
        // Given a port held by the test and handed to the server as its first candidate
        try (ServerSocket held = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Integer> handedOut = new java.util.concurrent.CopyOnWriteArrayList<>();
            PortPicker rigged = host -> {
                int port = handedOut.isEmpty() ? held.getLocalPort() : PortPicker.free().pick(host);
                handedOut.add(port);
                return port;
            };
            EmbeddedRedisServer server =
                    new EmbeddedRedisServer(RedisServerSettings.loopback(dir, "s3cret").withPortPicker(rigged));

            // When it starts
            server.start();
            try {
                // Then redis-server, refused the held port, was launched again on a fresh one, and the retry recorded
                assertThat(server.port()).as("port").isNotEqualTo(held.getLocalPort());
                assertThat(handedOut).as("candidates: the held port, then a fresh one")
                        .containsExactly(held.getLocalPort(), server.port());
                assertThat(server.takenPorts()).as("ports found taken").containsExactly(held.getLocalPort());
                assertThat(Files.readString(dir.resolve("redis.log"))).as("Redis's own log of the first launch")
                        .contains("Could not create server TCP listening socket 127.0.0.1:" + held.getLocalPort());
                // And it serves authenticated clients
                try (RedisConnections redis = RedisConnections.open(server.uri(), Duration.ofSeconds(5))) {
                    redis.connection().sync().set("k", "after-retry");
                    assertThat(redis.connection().sync().get("k")).as("value read back").isEqualTo("after-retry");
                }
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void redisDiesWithTheJvmThatStartedItEvenOnKillMinus9() throws Exception {
        // Given a child JVM that starts an embedded Redis and prints its pid
        Process child = childJvm(List.of());
        long redisPid = redisPidOf(child);

        // When the JVM is killed with SIGKILL (no shutdown hooks run)
        new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
        child.waitFor();

        // Then redis-server goes away on its own
        assertGone(redisPid, "redis-server alive after its JVM was killed");
    }

    @Test
    void aHangupOfTheWholeProcessGroupLeavesNoRedisBehind() throws Exception {
        // Given a child JVM with its Redis, in a process group of their own (as a run in a terminal is), that
        // dies of a hangup as a JVM in a terminal does, even when this test runs under nohup (an ignored
        // signal is inherited, and a JVM started with SIGHUP ignored keeps ignoring it)
        assumeThat(defaultSignalSupported()).as("env --default-signal (coreutils 8.31+) resets SIGHUP for the child")
                .isTrue();
        Process child = childJvm(List.of("setsid", "env", "--default-signal=HUP"));
        long redisPid = redisPidOf(child);

        // When the terminal goes away: SIGHUP to every process of the group (Redis itself ignores SIGHUP)
        new ProcessBuilder("kill", "-HUP", "--", "-" + child.pid()).start().waitFor();
        child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);

        // Then redis-server goes away with its JVM
        assertGone(redisPid, "redis-server alive after a hangup of its process group");
    }

    private static boolean defaultSignalSupported() throws Exception {
        return new ProcessBuilder("env", "--default-signal=HUP", "true").redirectErrorStream(true).start().waitFor() == 0;
    }

    private Process childJvm(List<String> prefix) throws java.io.IOException {
        List<String> command = new java.util.ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RedisChildMain.class.getName(), dir.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static long redisPidOf(Process child) throws java.io.IOException {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        String line;
        do {
            line = reader.readLine();
        } while (line != null && !line.startsWith("REDIS_PID "));
        assertThat(line).as("child reported a Redis pid").isNotNull();
        long redisPid = Long.parseLong(line.substring("REDIS_PID ".length()).trim());
        assertThat(ProcessHandle.of(redisPid).map(ProcessHandle::isAlive).orElse(false)).as("redis running").isTrue();
        return redisPid;
    }

    private static void assertGone(long pid, String description) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as(description).isFalse();
    }
}
