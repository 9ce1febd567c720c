package io.streamstress.runner.observe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Takes a {@link Sample} of the {@link LiveStatus} every second from the first send until closed. */
public final class SecondSampler implements AutoCloseable {

    private final LiveStatus status;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Daemons.timer("streamstress-sampler");

    public SecondSampler(LiveStatus status) {
        this.status = status;
    }

    /** Starts from the samples of an earlier process of this run (a resumed run's killed one). */
    public SecondSampler seed(List<Sample> earlier) {
        samples.addAll(earlier);
        return this;
    }

    /** The samples so far, without stopping. */
    public List<Sample> soFar() {
        return List.copyOf(samples);
    }

    public SecondSampler start() {
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    private void sample() {
        samples.add(Sample.of(System.currentTimeMillis(), status));
    }

    /** Stops sampling after one last sample, so that the record reaches the end of the run. */
    public List<Sample> finish() {
        close();
        sample();
        return List.copyOf(samples);
    }

    @Override
    public void close() {
        Daemons.shutdown(timer);
    }
}
