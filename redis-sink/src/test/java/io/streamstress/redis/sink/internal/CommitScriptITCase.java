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

/** The commit script against a real Redis: what it counts, what it skips as counted, and its marks. */
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

    private static RedisDelta delta(int subtask, long epoch, long first, long last) {
        return new RedisDelta(subtask, epoch, List.of(new PartitionDelta(5, last - first + 1, new long[] {first, last})));
    }

    @Test
    void aNewRangeIsCountedAndMovesThePartitionsMark() {
        // When
        CommitOutcome outcome = script.applyOnce(redis, delta(3, 10, 0, 99));

        // Then
        assertThat(outcome).as("outcome").isEqualTo(new CommitOutcome(100, 0));
        assertThat(redis.hget(keys.counts(), "5")).as("partition count").isEqualTo("100");
        assertThat(redis.get(keys.total())).as("total").isEqualTo("100");
        assertThat(redis.lrange(keys.ranges(5), 0, -1)).as("ranges").containsExactly("0-99");
        assertThat(redis.hget(keys.next(), "5")).as("high-water mark").isEqualTo("100");
    }

    @Test
    void aReCommittedDeltaIsSkipped() {
        // Given an applied delta
        script.applyOnce(redis, delta(3, 10, 0, 99));

        // When Flink commits it again after a restore (or the committer retries after a lost reply)
        CommitOutcome again = script.applyOnce(redis, delta(3, 10, 0, 99));

        // Then nothing changes
        assertThat(again).as("replay").isEqualTo(new CommitOutcome(0, 100));
        assertThat(redis.get(keys.total())).as("total after replay").isEqualTo("100");
        assertThat(redis.llen(keys.ranges(5))).as("ranges after replay").isEqualTo(1);
    }

    @Test
    void newRecordsAreCountedWhateverTheEpochOfTheirDelta() {
        // Given records 0-99 counted by epoch 10
        script.applyOnce(redis, delta(3, 10, 0, 99));

        // When a job restored from no checkpoint (epochs from 1 again) brings records never counted
        CommitOutcome restarted = script.applyOnce(redis, delta(3, 1, 100, 149));

        // Then they are counted: an epoch below the old marker no longer refuses them
        assertThat(restarted).as("outcome").isEqualTo(new CommitOutcome(50, 0));
        assertThat(redis.get(keys.total())).as("total").isEqualTo("150");
        assertThat(redis.lrange(keys.ranges(5), 0, -1)).as("ranges").containsExactly("0-99", "100-149");
    }

    @Test
    void aRangeAcrossTheMarkCountsOnlyItsNewPart() {
        // Given records 0-99 counted
        script.applyOnce(redis, delta(3, 10, 0, 99));

        // When a job rolled back to an older checkpoint reads 50-149 again, in a newer epoch
        CommitOutcome rolledBack = script.applyOnce(redis, delta(3, 11, 50, 149));

        // Then 50-99 are skipped as counted and 100-149 counted, once
        assertThat(rolledBack).as("outcome").isEqualTo(new CommitOutcome(50, 50));
        assertThat(redis.get(keys.total())).as("total").isEqualTo("150");
        assertThat(redis.lrange(keys.ranges(5), 0, -1)).as("ranges").containsExactly("0-99", "100-149");
        assertThat(redis.hget(keys.next(), "5")).as("high-water mark").isEqualTo("150");
    }

    @Test
    void thePartitionsMarkHoldsWhicheverSubtaskBringsIt() {
        // Given partition 5 counted through 99 by subtask 3
        script.applyOnce(redis, delta(3, 10, 0, 99));

        // When after a rescale subtask 0 reads it, from the savepoint's offset 80
        CommitOutcome rescaled = script.applyOnce(redis, delta(0, 11, 80, 120));

        // Then
        assertThat(rescaled).as("outcome").isEqualTo(new CommitOutcome(21, 20));
        assertThat(redis.get(keys.total())).as("total").isEqualTo("121");
    }

    @Test
    void aGapIsCountedPastAndLeftInTheRangesForTheVerifier() {
        // Given records 0-9 counted
        script.applyOnce(redis, delta(3, 10, 0, 9));

        // When a writer that lost 10-19 brings 20-29
        CommitOutcome past = script.applyOnce(redis, delta(3, 11, 20, 29));

        // Then 20-29 are counted, and the ranges show the gap
        assertThat(past).as("outcome").isEqualTo(new CommitOutcome(10, 0));
        assertThat(redis.lrange(keys.ranges(5), 0, -1)).as("ranges").containsExactly("0-9", "20-29");
        assertThat(redis.hget(keys.next(), "5")).as("high-water mark").isEqualTo("30");
    }

    @Test
    void severalRangesOfOneDeltaAreClippedInOrder() {
        script.applyOnce(redis, delta(3, 1, 0, 9));

        CommitOutcome outcome = script.applyOnce(redis, new RedisDelta(3, 2,
                List.of(new PartitionDelta(5, 15, new long[] {5, 14, 20, 24}))));

        assertThat(outcome).as("outcome").isEqualTo(new CommitOutcome(10, 5));
        assertThat(redis.lrange(keys.ranges(5), 0, -1)).as("ranges").containsExactly("0-9", "10-14", "20-24");
    }

    @Test
    void reloadsItselfAfterScriptFlush() {
        script.applyOnce(redis, delta(3, 1, 0, 9));

        // When Redis forgets the script (as after a restart)
        redis.scriptFlush();
        CommitOutcome outcome = script.applyOnce(redis, delta(3, 2, 10, 19));

        // Then the script is loaded again and applies
        assertThat(outcome.counted()).as("counted after NOSCRIPT").isEqualTo(10);
        assertThat(redis.get(keys.total())).isEqualTo("20");
    }

    @Test
    void poisonIsCountedApartAndOnceByItsOffsets() {
        // Given poison read at offsets 10-13, in a delta applied, then read again after a rollback in another epoch
        RedisDelta first = new RedisDelta(3, 20,
                List.of(new PartitionDelta(5, 10, new long[] {0, 9}, 4, new long[] {10, 13})));
        RedisDelta replayed = new RedisDelta(3, 2,
                List.of(new PartitionDelta(5, 12, new long[] {0, 11}, 5, new long[] {10, 14})));

        // When
        script.applyOnce(redis, first);
        script.applyOnce(redis, replayed);

        // Then each poison offset counts once, and none in the total
        assertThat(redis.hget(keys.poison(), "5")).as("poison counted once").isEqualTo("5");
        assertThat(redis.get(keys.total())).as("total excludes poison").isEqualTo("12");
    }

    @Test
    void theAtLeastOnceModeAppliesReplaysAgainAndLeavesTheMarks() {
        script.applyAlways(redis, delta(3, 0, 0, 9));
        script.applyAlways(redis, delta(3, 0, 0, 9));

        assertThat(redis.get(keys.total())).as("total counts the replay").isEqualTo("20");
        assertThat(redis.lrange(keys.ranges(5), 0, -1)).as("ranges").containsExactly("0-9", "0-9");
        assertThat(redis.hget(keys.next(), "5")).as("no mark written").isNull();
    }
}
