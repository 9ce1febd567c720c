package io.streamstress.runner.run;

import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.Terminal;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress line while the pipeline runs: produced, committed, the commit rate, an ETA and the faults
 * injected so far. Every 2 s on a terminal, every 5 s otherwise.
 */
final class ProgressReporter implements AutoCloseable {

    private final Console console;
    private final long messages;
    private final LongSupplier produced;
    private final LongSupplier committed;
    private final LongSupplier faults;
    private final ScheduledExecutorService timer;
    private final long started = System.nanoTime();
    private long lastCommitted;
    private long lastNanos = started;

    ProgressReporter(Console console, long messages, LongSupplier produced, LongSupplier committed, LongSupplier faults) {
        this.console = console;
        this.messages = messages;
        this.produced = produced;
        this.committed = committed;
        this.faults = faults;
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
        long now = System.nanoTime();
        long done = committed.getAsLong();
        double rate = (done - lastCommitted) / ((now - lastNanos) / 1e9);
        lastCommitted = done;
        lastNanos = now;
        String eta = rate > 0 ? String.format("%ds", (long) ((messages - done) / rate)) : "-";
        long sent = produced.getAsLong();
        console.line("  [%5.0fs] produced %,d/%,d (%d%%)  committed %,d  %,.0f msg/s  ETA %s  faults %d",
                (now - started) / 1e9, sent, messages, sent * 100 / messages, done, rate, eta, faults.getAsLong());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
