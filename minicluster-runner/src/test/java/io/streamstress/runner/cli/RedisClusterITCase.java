package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.client.RedisUris;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.RedisServerSettings;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.sink.internal.CommitOutcome;
import io.streamstress.redis.sink.internal.CommitScript;
import io.streamstress.redis.sink.internal.PartitionDelta;
import io.streamstress.redis.sink.internal.RedisDelta;
import io.streamstress.runner.job.StressJobGraph;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Redis Cluster of three masters ({@code redis-server} processes in cluster mode, the hash slots split between
 * them), reached by {@code --redis-cluster}: the commit script touches several keys at once, which the cluster allows
 * only because every key of the run shares its hash tag.
 */
class RedisClusterITCase {

    private static final String PASSWORD = "cluster-pw";
    private static final int MASTERS = 3;
    /** Redis 6's cluster bus listens on the client port + 10000. */
    private static final int BUS_OFFSET = 10000;

    @TempDir
    static Path dir;

    private static final List<EmbeddedRedisServer> NODES = new ArrayList<>();
    private static int firstPort;

    @BeforeAll
    static void clusterOfThreeMasters() throws Exception {
        firstPort = freePortsWithTheirBuses();
        for (int i = 0; i < MASTERS; i++) {
            EmbeddedRedisServer node = new EmbeddedRedisServer(RedisServerSettings.loopback(dir.resolve("node-" + i), PASSWORD)
                    .withPort(firstPort + i)
                    .withConfig("cluster-enabled yes", "cluster-config-file nodes.conf", "cluster-node-timeout 5000",
                            "masterauth \"" + PASSWORD + "\""));
            node.start();
            NODES.add(node);
        }
        for (int i = 0; i < MASTERS; i++) {
            try (RedisConnections node = RedisConnections.open(uri(firstPort + i), Duration.ofSeconds(10))) {
                RedisCommands<String, String> commands = node.connection().sync();
                if (i > 0) {
                    commands.clusterMeet("127.0.0.1", firstPort);
                }
                commands.clusterAddSlots(IntStream.range(firstSlot(i), firstSlot(i + 1)).toArray());
            }
        }
        awaitClusterOk();
    }

    /** The first hash slot of master {@code i} (of master {@value #MASTERS} - 1's end for {@code i} = {@value #MASTERS}). */
    private static int firstSlot(int i) {
        return i * SlotHash.SLOT_COUNT / MASTERS;
    }

    private static void awaitClusterOk() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; i < MASTERS; i++) {
            try (RedisConnections node = RedisConnections.open(uri(firstPort + i), Duration.ofSeconds(10))) {
                while (true) {
                    String info = node.connection().sync().clusterInfo();
                    if (info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + MASTERS)) {
                        break;
                    }
                    assertThat(System.nanoTime()).as("cluster state of node %d: %s", i, info).isLessThan(deadline);
                    Thread.sleep(200);
                }
            }
        }
    }

    /** A first port such that it, the next two and their cluster bus ports are free now. */
    private static int freePortsWithTheirBuses() throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20000 + random.nextInt(20000);
            boolean free = true;
            for (int i = 0; i < MASTERS && free; i++) {
                free = isFree(port + i) && isFree(port + i + BUS_OFFSET);
            }
            if (free) {
                return port;
            }
        }
        throw new IOException("no three free ports with free cluster bus ports");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static String uri(int port) {
        return "redis://:" + PASSWORD + "@127.0.0.1:" + port;
    }

    @AfterAll
    static void stopNodes() {
        NODES.forEach(EmbeddedRedisServer::close);
    }

    @Test
    void aRunCountsExactlyOnceInARedisClusterUnderOneHashTag() {
        // Given the cluster, reached through one seed node
        // When a run with a task failure commits there
        CommandResult result = CommandResult.run("--redis-cluster", uri(firstPort), "--messages", "200000", "--rate",
                "40000", "--partitions", "4", "--task-managers", "2", "--slots-per-task-manager", "2",
                "--chaos", "task-exception", "--max-time", "3m", "--report-dir", dir.resolve("report").toString());

        // Then the count is exact, and the run's total is in the cluster under the run's hash tag
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("verdict")
                .startsWith("VERDICT PASS produced=200000 committed=200000 lost=0 duplicated=0 seconds=");
        Matcher run = Pattern.compile("Run (\\S+) in ").matcher(result.out());
        assertThat(run.find()).as("run id in %s", result.out()).isTrue();
        try (RedisConnections cluster = RedisConnections.open("redis-cluster://:" + PASSWORD + "@127.0.0.1:" + firstPort,
                Duration.ofSeconds(10))) {
            assertThat(cluster.commands().get("streamstress:{" + run.group(1) + "}:total")).as("the run's total")
                    .isEqualTo("200000");
        }
        assertThat(result.out() + result.err()).as("the password is redacted").doesNotContain(PASSWORD);
    }

    @Test
    void theCommitScriptReachesTheMasterOfTheRunsSlotThroughAnotherSeedAndOnlyUnderAHashTag() {
        // Given a run whose hash slot the seed node (the first master) does not own
        String runId = IntStream.range(0, 1000).mapToObj(i -> "run-" + i)
                .filter(id -> SlotHash.getSlot(StressJobGraph.keysOf(id).total()) >= firstSlot(1)).findFirst().orElseThrow();
        CounterKeys keys = StressJobGraph.keysOf(runId);
        int slot = SlotHash.getSlot(keys.total());
        int owner = IntStream.range(0, MASTERS).filter(i -> slot >= firstSlot(i) && slot < firstSlot(i + 1)).findFirst()
                .orElseThrow();
        RedisDelta delta = new RedisDelta(0, 1, List.of(new PartitionDelta(3, 100, new long[] {0, 99})));

        try (RedisConnections cluster = RedisConnections.open(RedisUris.cluster(uri(firstPort)), Duration.ofSeconds(10));
                RedisConnections seed = RedisConnections.open(uri(firstPort), Duration.ofSeconds(10));
                RedisConnections master = RedisConnections.open(uri(firstPort + owner), Duration.ofSeconds(10))) {
            // When the commit script runs through the cluster client, seeded with the first master only
            CommitOutcome outcome = new CommitScript(keys).applyOnce(cluster.commands(), delta);

            // Then it counted, on the master that owns the slot
            assertThat(outcome).as("outcome").isEqualTo(new CommitOutcome(100, 0));
            assertThat(master.connection().sync().get(keys.total())).as("total on master %d", owner).isEqualTo("100");
            // And a plain connection to the seed is sent away (MOVED): the cluster client is what got it there
            assertThatThrownBy(() -> new CommitScript(keys).applyOnce(seed.commands(), delta)).as("plain connection")
                    .hasMessageContaining("MOVED");
            // And without the hash tag the script's keys span slots, which the cluster refuses
            assertThatThrownBy(() -> new CommitScript(new CounterKeys("streamstress:" + runId)).applyOnce(cluster.commands(),
                    delta)).as("keys without a hash tag").hasMessageContaining("CROSSSLOT");
        }
    }

    @Test
    void aRedisUriAndARedisClusterTogetherAreAUsageError() {
        // When both are given
        CommandResult result = CommandResult.run("--redis-uri", uri(firstPort), "--redis-cluster", uri(firstPort),
                "--messages", "1000");

        // Then it is refused in one line
        assertThat(result.exitCode()).as("exit code").isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).as("stderr").hasSize(1).first().asString().contains("give one");
    }
}
