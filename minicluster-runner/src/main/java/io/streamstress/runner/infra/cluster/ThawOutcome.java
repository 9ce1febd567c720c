package io.streamstress.runner.infra.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.JobID;

/**
 * What the JobManager makes of a TaskManager that was frozen (or cut from the network) and is back, once it has
 * registered again (up to {@link #PATIENCE}): the zombie of a TaskManager declared lost holds none of the job's
 * attempts (Flink cancelled them and runs them elsewhere; what it had not committed belongs to checkpoints that
 * were aborted, so it cannot be committed twice), while one back before its heartbeat timed out still runs its own.
 */
public final class ThawOutcome {

    /** How long a thawed TaskManager may take to register again before the injection says so. */
    public static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(200);

    /** The TaskManagers the JobManager lists now; empty when it does not answer. */
    @FunctionalInterface
    public interface Registry {
        Optional<List<RegisteredTaskManager>> registered() throws InterruptedException;
    }

    private ThawOutcome() {}

    /** Waits for {@code target} to be back in {@code registry} and says what it is back as. */
    public static String await(FlinkCluster cluster, Registry registry, JobID job, String target)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RegisteredTaskManager> registered = registry.registered().orElse(List.of()).stream()
                    .filter(tm -> tm.resourceId().equals(target) && tm.ready()).findFirst();
            long attemptsThere;
            try {
                attemptsThere = cluster.view(job).attempts().stream()
                        .filter(a -> target.equals(a.taskManagerId()) && a.running()).count();
            } catch (RuntimeException e) {
                attemptsThere = -1;
            }
            if (registered.isPresent() && attemptsThere > 0) {
                return "it went on running its " + attemptsThere + " attempt(s) (back before its heartbeat timed out)";
            }
            if (registered.isPresent() && attemptsThere == 0 && registered.get().idle()) {
                return "back as a zombie, registered again with all " + registered.get().slots()
                        + " slot(s) free: Flink had cancelled its attempts and runs them elsewhere";
            }
            Thread.sleep(POLL.toMillis());
        }
        return "not registered again within " + PATIENCE.toSeconds() + " s";
    }
}
