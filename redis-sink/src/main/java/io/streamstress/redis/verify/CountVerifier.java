package io.streamstress.redis.verify;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.sink.CounterKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a run's counters back from Redis and checks them against what the producer and the topic say.
 * It uses its own connection and reads the raw keys; it shares no state with the sink.
 */
public final class CountVerifier {

    private final String redisUri;
    private final CounterKeys keys;

    public CountVerifier(String redisUri, CounterKeys keys) {
        this.redisUri = redisUri;
        this.keys = keys;
    }

    /** {@link #verify(long, long[], long[], long[])} for a run without poison. */
    public Verification verify(long expected, long[] produced, long[] endOffsets) {
        return verify(expected, produced, new long[produced.length], endOffsets);
    }

    /**
     * @param expected messages the run was asked to produce
     * @param produced per partition, records the producer got acknowledged
     * @param poisonProduced per partition, malformed records the producer wrote
     * @param endOffsets per partition, the topic's end offsets
     */
    public Verification verify(long expected, long[] produced, long[] poisonProduced, long[] endOffsets) {
        if (produced.length != endOffsets.length || poisonProduced.length != endOffsets.length) {
            throw new IllegalArgumentException("produced and end offsets must cover the same partitions");
        }
        try (RedisConnections redis = RedisConnections.open(redisUri, Duration.ofSeconds(30))) {
            RedisClusterCommands<String, String> commands = redis.commands();
            Map<String, String> counts = commands.hgetall(keys.counts());
            Map<String, String> poison = commands.hgetall(keys.poison());
            String total = commands.get(keys.total());
            List<PartitionCheck> checks = new ArrayList<>(produced.length);
            for (int p = 0; p < produced.length; p++) {
                List<long[]> ranges = new ArrayList<>();
                for (String range : commands.lrange(keys.ranges(p), 0, -1)) {
                    ranges.add(RangeTiling.parseRange(range));
                }
                long committed = Long.parseLong(counts.getOrDefault(Integer.toString(p), "0"));
                long poisonCommitted = Long.parseLong(poison.getOrDefault(Integer.toString(p), "0"));
                checks.add(new PartitionCheck(p, produced[p], poisonProduced[p], endOffsets[p], committed, poisonCommitted,
                        RangeTiling.of(ranges, produced[p])));
            }
            return new Verification(expected, checks, total == null ? 0 : Long.parseLong(total));
        }
    }

    /** The total committed so far (for progress display); 0 before the first commit. */
    public static long committedTotal(RedisClusterCommands<String, String> commands, CounterKeys keys) {
        String total = commands.get(keys.total());
        return total == null ? 0 : Long.parseLong(total);
    }
}
