package io.streamstress.runner.run;

import io.streamstress.chaos.inject.FaultJournal;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.verify.CountVerifier;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.Terminal;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress line while the pipeline runs: produced, committed (read from Redis), the commit rate, an ETA
 * and the faults injected so far. Every 2 s on a terminal, every 5 s otherwise.
 */
final class ProgressReporter implements AutoCloseable {

    private final Console console;
    private final long messages;
    private final LongSupplier produced;
    private final String redisUri;
    private final CounterKeys keys;
    private final ScheduledExecutorService timer;
    private final long started = System.nanoTime();
    private RedisConnections redis;
    private long lastCommitted;
    private long lastNanos = started;

    ProgressReporter(Console console, long messages, LongSupplier produced, String redisUri, CounterKeys keys) {
        this.console = console;
        this.messages = messages;
        this.produced = produced;
        this.redisUri = redisUri;
        this.keys = keys;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "streamstress-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    ProgressReporter start() {
        long period = Terminal.isInteractive() ? 2 : 5;
        timer.scheduleAtFixedRate(this::report, period, period, TimeUnit.SECONDS);
        return this;
    }

    private void report() {
        long committed = committed();
        long now = System.nanoTime();
        double rate = (committed - lastCommitted) / ((now - lastNanos) / 1e9);
        lastCommitted = committed;
        lastNanos = now;
        String eta = rate > 0 ? String.format("%ds", (long) ((messages - committed) / rate)) : "-";
        console.line("  [%5.0fs] produced %,d/%,d (%d%%)  committed %,d  %,.0f msg/s  ETA %s  faults %d",
                (now - started) / 1e9, produced.getAsLong(), messages, produced.getAsLong() * 100 / messages,
                committed, rate, eta, FaultJournal.injected().size());
    }

    private long committed() {
        try {
            if (redis == null) {
                redis = RedisConnections.open(redisUri, Duration.ofSeconds(2));
            }
            return CountVerifier.committedTotal(redis.connection().sync(), keys);
        } catch (RuntimeException e) {
            return lastCommitted;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (redis != null) {
            redis.close();
        }
    }
}
