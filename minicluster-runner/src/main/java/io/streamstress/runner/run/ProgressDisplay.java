package io.streamstress.runner.run;

import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.Terminal;
import io.streamstress.runner.observe.Daemons;
import io.streamstress.runner.observe.LiveStatus;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The live view on the console while the pipeline runs. On a terminal: a progress bar (committed of
 * expected, commit rate, ETA) with produced, faults and lag beside it, redrawn twice a second. Otherwise
 * (a pipe, CI): one summary line every {@link #QUIET_PERIOD_SECONDS} s.
 */
final class ProgressDisplay implements AutoCloseable {

    static final int QUIET_PERIOD_SECONDS = 5;
    private static final int BAR_PERIOD_MS = 500;

    private final Console console;
    private final long messages;
    private final LiveStatus status;
    private final ScheduledExecutorService timer;
    private final long started = System.nanoTime();
    private ProgressBar bar;
    private long lastCommitted;
    private long lastNanos = started;

    ProgressDisplay(Console console, long messages, LiveStatus status) {
        this.console = console;
        this.messages = messages;
        this.status = status;
        this.timer = Daemons.timer("streamstress-progress");
    }

    ProgressDisplay start() {
        if (Terminal.isInteractive()) {
            bar = new ProgressBarBuilder()
                    .setTaskName("committed")
                    .setInitialMax(messages)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(console.stream(), Terminal.columns() - 1))
                    .setUpdateIntervalMillis(BAR_PERIOD_MS)
                    .showSpeed(new DecimalFormat("#,##0"))
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setUnit(" msg", 1)
                    .build();
            console.statusLineActive(true);
            timer.scheduleAtFixedRate(this::updateBar, 0, BAR_PERIOD_MS, TimeUnit.MILLISECONDS);
        } else {
            timer.scheduleAtFixedRate(this::printLine, QUIET_PERIOD_SECONDS, QUIET_PERIOD_SECONDS, TimeUnit.SECONDS);
        }
        return this;
    }

    private void updateBar() {
        bar.stepTo(Math.min(messages, status.committed()));
        bar.setExtraMessage(String.format(Locale.ROOT, "| produced %d%% | faults %d | lag %s",
                status.produced() * 100 / messages, status.faultsInjectedTotal(), lag()));
    }

    private void printLine() {
        long now = System.nanoTime();
        long done = status.committed();
        double rate = (done - lastCommitted) / ((now - lastNanos) / 1e9);
        lastCommitted = done;
        lastNanos = now;
        String eta = rate > 0 ? String.format(Locale.ROOT, "%ds", (long) ((messages - done) / rate)) : "-";
        long sent = status.produced();
        console.line("  [%5.0fs] produced %,d/%,d (%d%%)  committed %,d  %,.0f msg/s  ETA %s  faults %d  lag %s",
                (now - started) / 1e9, sent, messages, sent * 100 / messages, done, rate, eta,
                status.faultsInjectedTotal(), lag());
    }

    private String lag() {
        OptionalLong lag = status.lag();
        return lag.isPresent() ? String.format(Locale.ROOT, "%,d", lag.getAsLong()) : "-";
    }

    @Override
    public void close() {
        Daemons.shutdown(timer);
        if (bar != null) {
            updateBar();
            bar.close();
            console.statusLineActive(false);
        }
    }
}
