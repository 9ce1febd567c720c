package io.streamstress.runner.observe;

import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.sink.CounterKeys;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Commit latency, measured from outside the job: the producer reports a sample of its messages (partition,
 * sequence, produce time, intended send time); every {@link #POLL_MS} ms the tracker reads the committed
 * count of each partition from Redis, and a sampled message counts as committed once its partition's count
 * passes its sequence (partitions commit their sequences in order, from 0). Latency = that instant − the
 * produce time (and − the intended send time). Resolution: the poll period plus one Redis read.
 */
public final class CommitLatencyTracker implements LoadProducer.SendObserver, AutoCloseable {

    static final long POLL_MS = 25;
    /** About this many messages of a run are sampled, whatever its size. */
    static final long SAMPLES_PER_RUN = 20_000;

    private final String redisUri;
    private final CounterKeys keys;
    private final Queue<long[]>[] pending;
    private final Recorder fromProduced = new Recorder(3);
    private final Recorder fromIntended = new Recorder(3);
    private final ScheduledExecutorService timer = Daemons.timer("streamstress-commit-latency");
    private RedisConnections redis;

    @SuppressWarnings("unchecked")
    public CommitLatencyTracker(String redisUri, CounterKeys keys, int partitions) {
        this.redisUri = redisUri;
        this.keys = keys;
        this.pending = new Queue[partitions];
        for (int p = 0; p < partitions; p++) {
            pending[p] = new ConcurrentLinkedQueue<>();
        }
    }

    /** Observe one message in this many, for about {@link #SAMPLES_PER_RUN} samples. */
    public static int sampleEvery(long messages) {
        return (int) Math.max(1, messages / SAMPLES_PER_RUN);
    }

    public CommitLatencyTracker start() {
        timer.scheduleWithFixedDelay(this::poll, 0, POLL_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void sent(int partition, long sequence, long producedAtMicros, long intendedAtMicros) {
        pending[partition].add(new long[] {sequence, producedAtMicros, intendedAtMicros});
    }

    private void poll() {
        Map<String, String> counts;
        try {
            if (redis == null) {
                redis = RedisConnections.open(redisUri, Duration.ofSeconds(2));
            }
            counts = redis.commands().hgetall(keys.counts());
        } catch (RuntimeException e) {
            return; // Redis is down or stalled (a fault): the samples wait, and their latency grows.
        }
        long nowMicros = System.currentTimeMillis() * 1_000L;
        for (int p = 0; p < pending.length; p++) {
            String value = counts.get(String.valueOf(p));
            long committed = value == null ? 0 : Long.parseLong(value);
            long[] head;
            while ((head = pending[p].peek()) != null && head[0] < committed) {
                pending[p].poll();
                fromProduced.recordValue(Math.max(0, nowMicros - head[1]));
                fromIntended.recordValue(Math.max(0, nowMicros - head[2]));
            }
        }
    }

    /** Commit latencies in µs, from the produce time and from the intended send time. */
    public record Latencies(Histogram fromProduced, Histogram fromIntended) {}

    /** Stops polling after a last poll; returns what was measured. */
    public Latencies finish() {
        Daemons.shutdown(timer);
        poll();
        return sinceLastCall();
    }

    /** What was measured since the last call (or the start), without stopping. */
    public Latencies sinceLastCall() {
        return new Latencies(fromProduced.getIntervalHistogram(), fromIntended.getIntervalHistogram());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }
}
