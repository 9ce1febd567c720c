package io.streamstress.runner.infra.cluster;

import io.streamstress.runner.infra.HarnessException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A Flink cluster starting (or being connected to) on its own thread while the run starts Kafka and Redis: the
 * start-ups are mostly waiting (processes, sockets, class loading), so overlapping them saves seconds of every
 * run. Whoever {@link #await awaits} it owns the cluster; otherwise {@link #close} stops it.
 */
public final class ClusterStart implements AutoCloseable {

    /** What starts the cluster. */
    @FunctionalInterface
    public interface Starter {
        FlinkCluster start() throws HarnessException, InterruptedException;
    }

    private final CompletableFuture<FlinkCluster> future = new CompletableFuture<>();
    private boolean claimed;

    private ClusterStart() {}

    /** Starts the cluster on a daemon thread. */
    public static ClusterStart begin(Starter starter) {
        ClusterStart start = new ClusterStart();
        Thread thread = new Thread(() -> {
            try {
                start.future.complete(starter.start());
            } catch (Throwable e) {
                start.future.completeExceptionally(e);
            }
        }, "streamstress-cluster-start");
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    /** Waits for the cluster; the caller then owns (and closes) it. */
    public FlinkCluster await() throws HarnessException, InterruptedException {
        try {
            FlinkCluster cluster = future.get();
            claimed = true;
            return cluster;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HarnessException harness) {
                throw harness;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new HarnessException("the Flink cluster did not start: " + e.getCause().getMessage(), e.getCause());
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
