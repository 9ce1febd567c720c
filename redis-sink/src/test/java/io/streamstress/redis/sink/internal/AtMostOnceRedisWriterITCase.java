package io.streamstress.redis.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.sync.RedisCommands;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.RedisServerSettings;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.sink.RecordPosition;
import io.streamstress.redis.verify.CountVerifier;
import io.streamstress.redis.verify.Verification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The at-most-once writer's protocol against a real Redis, with Flink's part played by hand in the order Flink
 * calls it: {@code write}s, then at a barrier {@code flush(false)}, {@code prepareCommit()} and
 * {@code snapshotState(id)}, the committables committed once the checkpoint completed; a failure is a writer
 * dropped without any of that, and a restore a new writer given the checkpoint's id and state while the source
 * replays from the checkpoint's position. One partition, batches of 1,000 as in a run.
 */
class AtMostOnceRedisWriterITCase {

    private static final int BATCH = 1_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dir;

    private static EmbeddedRedisServer server;
    private static RedisConnections connections;

    private final CounterKeys keys = new CounterKeys("test:" + System.nanoTime());
    private final CommitScript script = new CommitScript(keys);

    /** Records as {@code {partition, sequence}}. */
    private static final class ArrayPosition implements RecordPosition<long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public int partitionOf(long[] record) {
            return (int) record[0];
        }

        @Override
        public long sequenceOf(long[] record) {
            return record[1];
        }
    }

    @BeforeAll
    static void startRedis() throws Exception {
        server = new EmbeddedRedisServer(RedisServerSettings.loopback(dir, "pw"));
        server.start();
        connections = RedisConnections.open(server.uri(), TIMEOUT);
    }

    @AfterAll
    static void stopRedis() {
        connections.close();
        server.stop();
    }

    private AtMostOnceRedisWriter<long[]> writer(OptionalLong restoredCheckpointId, Collection<RedisWriterState> state) {
        return new AtMostOnceRedisWriter<>(0, new ArrayPosition(), restoredCheckpointId, state, server.uri(), keys,
                TIMEOUT, BATCH);
    }

    private static void write(AtMostOnceRedisWriter<long[]> writer, long first, long last) {
        for (long s = first; s <= last; s++) {
            writer.write(new long[] {0, s}, null);
        }
    }

    /** A barrier and its checkpoint completing: the committables are committed. Returns the writer's state. */
    private List<RedisWriterState> checkpoint(AtMostOnceRedisWriter<long[]> writer, long checkpointId, boolean end) {
        writer.flush(end);
        Collection<RedisDelta> committables = writer.prepareCommit();
        List<RedisWriterState> state = writer.snapshotState(checkpointId);
        RedisCommands<String, String> redis = connections.connection().sync();
        committables.forEach(delta -> script.applyOnce(redis, delta));
        return new ArrayList<>(state);
    }

    private Verification verify(long produced) {
        return new CountVerifier(server.uri(), keys).verify(produced, new long[] {produced}, new long[] {produced});
    }

    @Test
    void aFailurePastTheMarkLosesTheRecordsBetweenCheckpointAndMarkAndDuplicatesNone() {
        // Given checkpoint 1 taken after 0..1999 and 1,500 records past its barrier (marks written at 2999)
        AtMostOnceRedisWriter<long[]> failed = writer(OptionalLong.empty(), List.of());
        write(failed, 0, 1_999);
        List<RedisWriterState> checkpoint1 = checkpoint(failed, 1, false);
        write(failed, 2_000, 3_499);

        // When the attempt fails (its counts past the barrier die with it), a writer is restored from
        // checkpoint 1 and the source replays from there to the end of the partition
        failed.close();
        AtMostOnceRedisWriter<long[]> restored = writer(OptionalLong.of(1), checkpoint1);
        write(restored, 2_000, 3_999);
        checkpoint(restored, 2, true);
        restored.close();

        // Then the replayed records the failed attempt had marked handled are a gap; nothing is counted twice
        Verification verification = verify(4_000);
        assertThat(connections.connection().sync().hget(keys.handled(), "0")).as("mark").isEqualTo("3999");
        assertThat(verification.lost()).as("lost: 2000..2999, marked but never committed").isEqualTo(1_000);
        assertThat(verification.duplicated()).as("duplicated").isZero();
        assertThat(verification.committed()).as("committed = produced − lost").isEqualTo(3_000);
        assertThat(verification.redisTotal()).as("Redis total").isEqualTo(3_000);
        assertThat(verification.passed()).as("verification passed").isFalse();
    }

    @Test
    void withoutAFailureEveryRecordIsCountedOnce() {
        // Given a writer that sees the whole partition with a checkpoint half-way
        AtMostOnceRedisWriter<long[]> writer = writer(OptionalLong.empty(), List.of());
        write(writer, 0, 1_999);
        checkpoint(writer, 1, false);
        write(writer, 2_000, 3_999);

        // When the input ends
        checkpoint(writer, 2, true);
        writer.close();

        // Then
        Verification verification = verify(4_000);
        assertThat(verification.problems()).as("problems").isEmpty();
        assertThat(verification.committed()).as("committed").isEqualTo(4_000);
    }

    @Test
    void aFailureBeforeAnyMarkPastTheCheckpointLosesNothing() {
        // Given checkpoint 1 after 0..1999 and fewer records past its barrier than a batch (no mark past it)
        AtMostOnceRedisWriter<long[]> failed = writer(OptionalLong.empty(), List.of());
        write(failed, 0, 1_999);
        List<RedisWriterState> checkpoint1 = checkpoint(failed, 1, false);
        write(failed, 2_000, 2_500);

        // When it fails and is restored from checkpoint 1
        failed.close();
        AtMostOnceRedisWriter<long[]> restored = writer(OptionalLong.of(1), checkpoint1);
        write(restored, 2_000, 3_999);
        checkpoint(restored, 2, true);
        restored.close();

        // Then the loss window (checkpoint to mark) was empty: the sink loses only what it marked too early
        assertThat(verify(4_000).problems()).as("problems").isEmpty();
    }
}
