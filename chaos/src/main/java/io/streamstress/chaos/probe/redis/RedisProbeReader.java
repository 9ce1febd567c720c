package io.streamstress.chaos.probe.redis;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.streamstress.chaos.probe.FirstRecord;
import io.streamstress.chaos.probe.PoisonRead;
import io.streamstress.chaos.probe.PoisonReads;
import io.streamstress.chaos.probe.ProbeReader;
import io.streamstress.chaos.probe.Thrown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis channel's reader. Each figure is one {@code HGETALL}, bounded by
 * {@link RedisProbeTimings#readTimeout()}. What the harness polls (processed count, events) is kept for
 * {@link RedisProbeTimings#readKeep()}; what it asks once (per-subtask and per-TaskManager counts, histograms) is
 * read afresh. After a failed read it answers with the last figures read for
 * {@link RedisProbeTimings#readBackOff()}. Histograms: the sum of the attempts' (absolute) histograms, minus the
 * sum at the previous call.
 */
final class RedisProbeReader implements ProbeReader {

    private static final Logger LOG = LoggerFactory.getLogger(RedisProbeReader.class);

    private final RedisLink link;
    private final ProbeKeys keys;
    private final RedisProbeTimings timings;
    private final TimedCache<Map<String, String>> processed;
    private final TimedCache<Map<String, String>> thrown;
    private final TimedCache<Map<String, String>> firstRecords;
    private final TimedCache<Map<String, String>> poisonReads;
    private final LatencyDelta latency = new LatencyDelta();
    private final LatencyDelta intendedLatency = new LatencyDelta();
    private volatile boolean closed;

    RedisProbeReader(RedisLink link, ProbeKeys keys, RedisProbeTimings timings) {
        this.link = link;
        this.keys = keys;
        this.timings = timings;
        this.processed = cache("processed");
        this.thrown = cache("thrown");
        this.firstRecords = cache("first records");
        this.poisonReads = cache("poison reads");
    }

    private TimedCache<Map<String, String>> cache(String name) {
        return new TimedCache<>(name, timings.readKeep(), timings.readBackOff(), System::nanoTime, Map.of());
    }

    @Override
    public long processedCount() {
        long sum = 0;
        for (String count : processed.get(() -> hgetall(keys.processed())).values()) {
            sum += parseOrZero(count);
        }
        return sum;
    }

    @Override
    public Map<Integer, Long> processedPerSubtask() {
        return perPlacement((field, count) -> ProbeKeys.subtaskOf(field));
    }

    @Override
    public Map<String, Long> processedPerTaskManager() {
        return perPlacement((field, count) -> ProbeKeys.taskManagerOf(field));
    }

    private <K> Map<K, Long> perPlacement(BiFunction<String, String, K> group) {
        Map<K, Long> counts = new TreeMap<>();
        processed.fresh(() -> hgetall(keys.processed())).forEach((field, count) -> {
            try {
                counts.merge(group.apply(field, count), Long.parseLong(count), Long::sum);
            } catch (RuntimeException e) {
                LOG.debug("Ignoring malformed probe entry {}={}", field, count);
            }
        });
        return counts;
    }

    @Override
    public List<Thrown> thrown() {
        List<Thrown> all = parsed(thrown.get(() -> hgetall(keys.thrown())), ProbeKeys::thrown);
        all.sort(Comparator.comparingLong(Thrown::atMillis));
        return all;
    }

    @Override
    public List<FirstRecord> firstRecords() {
        List<FirstRecord> all = parsed(firstRecords.get(() -> hgetall(keys.firstRecords())), ProbeKeys::firstRecord);
        all.sort(Comparator.comparingLong(FirstRecord::atMillis));
        return all;
    }

    @Override
    public OptionalLong poisonReadAt(int partition, long count) {
        List<PoisonRead> reads = parsed(poisonReads.get(() -> hgetall(keys.poisonReads())), ProbeKeys::poisonRead);
        return PoisonReads.readAt(reads, partition, count);
    }

    @Override
    public Histogram latencySinceLastCall() {
        return sinceLastCall(keys.latency(), latency);
    }

    @Override
    public Histogram intendedLatencySinceLastCall() {
        return sinceLastCall(keys.intendedLatency(), intendedLatency);
    }

    private Histogram sinceLastCall(String key, LatencyDelta delta) {
        Map<String, String> perAttempt;
        try {
            perAttempt = hgetall(key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Histogram(3);
        } catch (Exception e) {
            LOG.warn("Cannot read the probe's latency histograms from Redis (they will count in the next call): {}",
                    e.toString());
            return new Histogram(3);
        }
        Histogram total = new Histogram(3);
        perAttempt.forEach((field, text) -> {
            try {
                total.add(HistogramText.decode(text));
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring the malformed latency histogram of probe entry {}", field);
            }
        });
        return delta.since(total);
    }

    @Override
    public void arm(int subtask) {
        try {
            command().hincrby(keys.arms(), Integer.toString(subtask), 1).get(timeoutNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while arming subtask " + subtask, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot arm subtask " + subtask + " in Redis: " + e, e);
        }
    }

    @Override
    public void disarm() {
        try {
            command().del(keys.arms()).get(timeoutNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Cannot withdraw the pending arms in Redis: {}", e.toString());
        }
    }

    @Override
    public void reset() {
        try {
            command().del(keys.all()).get(timeoutNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting the probe's keys", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot reset the probe's keys in Redis: " + e, e);
        }
        for (TimedCache<?> cache : List.of(processed, thrown, firstRecords, poisonReads)) {
            cache.clear();
        }
        latency.reset();
        intendedLatency.reset();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            link.release();
        }
    }

    private Map<String, String> hgetall(String key) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos();
        RedisClusterAsyncCommands<String, String> redis = link.within(Duration.ofNanos(timeoutNanos()));
        if (redis == null) {
            throw new IllegalStateException("not connected to Redis");
        }
        return redis.hgetall(key).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private RedisClusterAsyncCommands<String, String> command() throws InterruptedException {
        RedisClusterAsyncCommands<String, String> redis = link.within(timings.readTimeout());
        if (redis == null) {
            throw new IllegalStateException("not connected to Redis");
        }
        return redis;
    }

    private long timeoutNanos() {
        return timings.readTimeout().toNanos();
    }

    private static <T> List<T> parsed(Map<String, String> entries, BiFunction<String, String, T> parse) {
        List<T> all = new ArrayList<>(entries.size());
        entries.forEach((field, value) -> {
            try {
                all.add(parse.apply(field, value));
            } catch (RuntimeException e) {
                LOG.debug("Ignoring malformed probe entry {}={}", field, value);
            }
        });
        return all;
    }

    private static long parseOrZero(String count) {
        try {
            return Long.parseLong(count);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
