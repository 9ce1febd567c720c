package io.streamstress.redis.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.sync.RedisCommands;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.RedisServerSettings;
import io.streamstress.redis.sink.CounterKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitScriptITCase {

    @TempDir
    static Path dir;

    private static EmbeddedRedisServer server;
    private static RedisConnections connections;

    private final CounterKeys keys = new CounterKeys("test:" + System.nanoTime());
    private RedisCommands<String, String> redis;
    private CommitScript script;

    @BeforeAll
    static void startRedis() throws Exception {
        server = new EmbeddedRedisServer(RedisServerSettings.loopback(dir, "pw"));
        server.start();
        connections = RedisConnections.open(server.uri(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopRedis() {
        connections.close();
        server.stop();
    }

    @BeforeEach
    void setUp() {
        redis = connections.connection().sync();
        script = new CommitScript(keys);
    }

    private static RedisDelta delta(long epoch, long first, long last) {
        return new RedisDelta(3, epoch, List.of(new PartitionDelta(5, last - first + 1, new long[] {first, last})));
    }

    @Test
    void aNewEpochAppliesOnce() {
        // When
        boolean applied = script.applyOnce(redis, delta(10, 0, 99));

        // Then
        assertThat(applied).as("applied").isTrue();
        assertThat(redis.hget(keys.counts(), "5")).as("partition count").isEqualTo("100");
        assertThat(redis.get(keys.total())).as("total").isEqualTo("100");
        assertThat(redis.lrange(keys.ranges(5), 0, -1)).as("ranges").containsExactly("0-99");
        assertThat(redis.hget(keys.epochs(), "3")).as("marker").isEqualTo("10");
    }

    @Test
    void aReplayedEpochIsANoOp() {
        // Given an applied epoch
        script.applyOnce(redis, delta(10, 0, 99));

        // When Flink re-commits it after a restore
        boolean applied = script.applyOnce(redis, delta(10, 0, 99));

        // Then nothing changes
        assertThat(applied).as("replay applied").isFalse();
        assertThat(redis.get(keys.total())).as("total after replay").isEqualTo("100");
        assertThat(redis.llen(keys.ranges(5))).as("ranges after replay").isEqualTo(1);
    }

    @Test
    void anOlderEpochIsANoOpAndANewerOneApplies() {
        script.applyOnce(redis, delta(10, 0, 99));

        boolean older = script.applyOnce(redis, delta(9, 100, 149));
        boolean newer = script.applyOnce(redis, delta(11, 100, 149));

        assertThat(older).as("older epoch applied").isFalse();
        assertThat(newer).as("newer epoch applied").isTrue();
        assertThat(redis.get(keys.total())).as("total").isEqualTo("150");
        assertThat(redis.lrange(keys.ranges(5), 0, -1)).containsExactly("0-99", "100-149");
    }

    @Test
    void reloadsItselfAfterScriptFlush() {
        script.applyOnce(redis, delta(1, 0, 9));

        // When Redis forgets the script (as after a restart)
        redis.scriptFlush();
        boolean applied = script.applyOnce(redis, delta(2, 10, 19));

        // Then the script is loaded again and applies
        assertThat(applied).as("applied after NOSCRIPT").isTrue();
        assertThat(redis.get(keys.total())).isEqualTo("20");
    }

    @Test
    void poisonIsCountedApartAndOnlyOnce() {
        RedisDelta withPoison = new RedisDelta(3, 20, List.of(new PartitionDelta(5, 10, new long[] {0, 9}, 4)));

        script.applyOnce(redis, withPoison);
        script.applyOnce(redis, withPoison);

        assertThat(redis.hget(keys.poison(), "5")).as("poison counted once").isEqualTo("4");
        assertThat(redis.get(keys.total())).as("total excludes poison").isEqualTo("10");
    }

    @Test
    void theAtLeastOnceModeAppliesReplaysAgain() {
        script.applyAlways(redis, delta(0, 0, 9));
        script.applyAlways(redis, delta(0, 0, 9));

        assertThat(redis.get(keys.total())).as("total counts the replay").isEqualTo("20");
        assertThat(redis.hget(keys.epochs(), "3")).as("no marker written").isNull();
    }
}
