package io.streamstress.runner.run;

import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.ProduceException;
import io.streamstress.kafka.producer.ProduceResult;
import io.streamstress.runner.infra.HarnessException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The load producer's run: finished before the job starts ({@code --preload}), or on its own thread while the
 * job consumes. A failure is told as one line.
 */
final class Production {

    private final CompletableFuture<ProduceResult> future;

    private Production(CompletableFuture<ProduceResult> future) {
        this.future = future;
    }

    /** Produces everything now, on this thread. */
    static Production preload(LoadProducer producer) throws HarnessException, InterruptedException {
        try {
            return new Production(CompletableFuture.completedFuture(producer.run()));
        } catch (ProduceException e) {
            throw new HarnessException(e.getMessage(), e);
        }
    }

    /** Starts producing on a daemon thread. */
    static Production inBackground(LoadProducer producer) {
        CompletableFuture<ProduceResult> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(producer.run());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "streamstress-producer");
        thread.setDaemon(true);
        thread.start();
        return new Production(future);
    }

    boolean failed() {
        return future.isCompletedExceptionally();
    }

    boolean done() {
        return future.isDone();
    }

    /** What the broker acknowledged; waits up to 2 minutes for the last acknowledgements. */
    ProduceResult result() throws HarnessException, InterruptedException {
        try {
            return future.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new HarnessException(failure(), e);
        }
    }

    /** Why producing did not end well, as one line. */
    String failure() {
        try {
            future.getNow(null);
            return "the producer did not finish";
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "producing failed: " + cause.getMessage();
        }
    }
}
