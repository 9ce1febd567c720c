package io.streamstress.chaos.probe.redis;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.streamstress.chaos.probe.ProbeAttempt;
import io.streamstress.chaos.probe.ProbeWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt's Redis writer. Per record it only counts (and, on every 256th, looks at the clock); every
 * {@link RedisProbeTimings#flushInterval()}, at each barrier and at the end it sends one batch: its absolute
 * count ({@code HSET}), its histograms when they changed, its unconfirmed events ({@code HSETNX}) and a read of its
 * subtask's pending arms, whose answer feeds {@link ArmWatch}. A batch is sent only when the previous one has
 * been answered (or timed out), so a stalled Redis holds at most one batch per attempt and the task thread
 * never waits, except in {@link #takeArm()} and {@link #thrown} (each bounded by
 * {@link RedisProbeTimings#takeWait()}) and {@link #close()} (by {@link RedisProbeTimings#closeWait()}).
 */
final class RedisProbeWriter implements ProbeWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RedisProbeWriter.class);
    private static final int HISTOGRAM_DIGITS = 3;

    private final ProbeAttempt attempt;
    private final ProbeKeys keys;
    private final RedisLink link;
    private final RedisProbeTimings timings;
    private final FlushSchedule schedule;
    private final PendingEvents events = new PendingEvents();
    private final ArmWatch arms = new ArmWatch();
    private final Histogram latency = new Histogram(HISTOGRAM_DIGITS);
    private final Histogram intendedLatency = new Histogram(HISTOGRAM_DIGITS);
    private final String placementField;
    private final String attemptField;
    private final String subtaskField;
    private long processed;
    private long latencySamplesConfirmed;
    private Batch inFlight;
    private boolean closed;

    /** A batch out to Redis: what it carried, and its answer. */
    private record Batch(int events, long latencySamples, CompletableFuture<Void> answered) {
        boolean succeeded() {
            return answered.isDone() && !answered.isCompletedExceptionally();
        }
    }

    RedisProbeWriter(ProbeAttempt attempt, ProbeKeys keys, RedisLink link, RedisProbeTimings timings) {
        this.attempt = attempt;
        this.keys = keys;
        this.link = link;
        this.timings = timings;
        this.schedule = new FlushSchedule(timings.flushInterval(), System::nanoTime);
        this.placementField = ProbeKeys.placementField(attempt);
        this.attemptField = ProbeKeys.attemptField(attempt.subtask(), attempt.attempt());
        this.subtaskField = Integer.toString(attempt.subtask());
        link.now(); // starts connecting, if this JVM's link is new
    }

    @Override
    public void processed() {
        if (schedule.due(++processed)) {
            flush();
        }
    }

    @Override
    public void latency(long fromProducedMicros, long fromIntendedMicros) {
        latency.recordValue(Math.max(0, fromProducedMicros));
        intendedLatency.recordValue(Math.max(0, fromIntendedMicros));
    }

    @Override
    public void firstRecord(long atMillis) {
        events.add(new PendingEvents.Event(keys.firstRecords(), attemptField, Long.toString(atMillis)));
    }

    @Override
    public void poisonRead(int partition, long offset, long atMillis) {
        events.add(new PendingEvents.Event(keys.poisonReads(), ProbeKeys.poisonField(partition, offset),
                Long.toString(atMillis)));
    }

    @Override
    public boolean mayBeArmed() {
        return arms.worthTaking();
    }

    @Override
    public boolean takeArm() {
        RedisClusterAsyncCommands<String, String> redis = link.now();
        if (redis == null) {
            arms.noAnswer();
            return false;
        }
        try {
            if (ArmScript.take(redis, keys, attempt.subtask(), attemptField)
                    .get(timings.takeWait().toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
            arms.refused();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            arms.noAnswer();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("Subtask {} (attempt {}) could not take its arm from Redis within {} ms, not failing now: {}",
                    attempt.subtask(), attempt.attempt(), timings.takeWait().toMillis(), e.toString());
            arms.noAnswer();
        }
        return false;
    }

    @Override
    public void thrown(long atMillis, long recordsSinceBarrier) {
        events.add(new PendingEvents.Event(keys.thrown(), attemptField,
                ProbeKeys.thrownValue(atMillis, recordsSinceBarrier)));
        // Redis just answered the take: the short wait keeps the throw close to its recorded time (T0).
        flushAndWait(timings.takeWait());
    }

    @Override
    public void barrier() {
        flush();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // A cancelled task is interrupted: its last figures still deserve their bounded wait.
        boolean interrupted = Thread.interrupted();
        try {
            flushAndWait(timings.closeWait());
        } finally {
            link.release();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends a batch unless the previous one is still out or there is no connection. */
    private void flush() {
        if (inFlight != null) {
            if (!inFlight.answered().isDone()) {
                return;
            }
            settle();
        }
        RedisClusterAsyncCommands<String, String> redis = link.now();
        if (redis != null) {
            send(redis);
        }
    }

    /** Sends everything and waits for the answer, at most {@code bound} in all. */
    private void flushAndWait(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            if (inFlight != null) {
                await(inFlight.answered(), deadline);
                if (!inFlight.answered().isDone()) {
                    warnIncomplete(bound);
                    return;
                }
                settle();
            }
            RedisClusterAsyncCommands<String, String> redis = link.within(Duration.ofNanos(deadline - System.nanoTime()));
            if (redis == null) {
                warnIncomplete(bound);
                return;
            }
            send(redis);
            await(inFlight.answered(), deadline);
            if (inFlight.succeeded()) {
                settle();
            } else {
                warnIncomplete(bound);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(RedisClusterAsyncCommands<String, String> redis) {
        List<CompletableFuture<?>> answers = new ArrayList<>(4 + events.size());
        long latencySamples = latency.getTotalCount();
        List<PendingEvents.Event> unconfirmed = events.unconfirmed();
        try {
            answers.add(redis.hset(keys.processed(), placementField, Long.toString(processed)).toCompletableFuture());
            if (latencySamples != latencySamplesConfirmed) {
                answers.add(redis.hset(keys.latency(), attemptField, HistogramText.encode(latency))
                        .toCompletableFuture());
                answers.add(redis.hset(keys.intendedLatency(), attemptField, HistogramText.encode(intendedLatency))
                        .toCompletableFuture());
            }
            for (PendingEvents.Event event : unconfirmed) {
                answers.add(redis.hsetnx(event.key(), event.field(), event.value()).toCompletableFuture());
            }
            answers.add(redis.hget(keys.arms(), subtaskField).toCompletableFuture()
                    .thenAccept(pending -> arms.polled(pending == null ? 0 : Long.parseLong(pending))));
        } catch (RuntimeException e) {
            answers.add(CompletableFuture.failedFuture(e));
        }
        inFlight = new Batch(unconfirmed.size(), latencySamples,
                CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)));
        schedule.sent();
    }

    /** The batch out was answered: what it carried successfully is confirmed. */
    private void settle() {
        if (inFlight.succeeded()) {
            events.confirm(inFlight.events());
            latencySamplesConfirmed = inFlight.latencySamples();
        }
        inFlight = null;
    }

    private static void await(CompletableFuture<Void> answer, long deadline) throws InterruptedException {
        try {
            answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The caller looks at the outcome.
        }
    }

    private void warnIncomplete(Duration bound) {
        LOG.warn("Probe figures of subtask {} (attempt {}) may be incomplete in Redis: no answer within {} ms",
                attempt.subtask(), attempt.attempt(), bound.toMillis());
    }
}
