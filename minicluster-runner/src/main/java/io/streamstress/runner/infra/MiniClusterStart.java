package io.streamstress.runner.infra;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A MiniCluster starting on its own thread while the run starts Kafka and Redis: the three start-ups are
 * mostly waiting (a child process, sockets, class loading), so overlapping them saves a second or two of
 * every run. Whoever {@link #await awaits} it owns the cluster; otherwise {@link #close} stops it.
 */
public final class MiniClusterStart implements AutoCloseable {

    /** What starts the cluster. */
    @FunctionalInterface
    public interface Starter {
        MiniClusterHost start() throws HarnessException;
    }

    private final CompletableFuture<MiniClusterHost> future = new CompletableFuture<>();
    private boolean claimed;

    private MiniClusterStart() {}

    /** Starts the cluster on a daemon thread. */
    public static MiniClusterStart begin(Starter starter) {
        MiniClusterStart start = new MiniClusterStart();
        Thread thread = new Thread(() -> {
            try {
                start.future.complete(starter.start());
            } catch (Throwable e) {
                start.future.completeExceptionally(e);
            }
        }, "streamstress-minicluster-start");
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    /** Waits for the cluster; the caller then owns (and closes) it. */
    public MiniClusterHost await() throws HarnessException, InterruptedException {
        try {
            MiniClusterHost host = future.get();
            claimed = true;
            return host;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HarnessException harness) {
                throw harness;
            }
            throw new HarnessException("the Flink MiniCluster did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Stops the cluster when nobody claimed it (the run failed before it needed it), after waiting for its
     * start to end: a start cannot be called off half-way.
     */
    @Override
    public void close() {
        if (claimed) {
            return;
        }
        try {
            future.get().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // It did not start: nothing to stop.
        }
    }
}
