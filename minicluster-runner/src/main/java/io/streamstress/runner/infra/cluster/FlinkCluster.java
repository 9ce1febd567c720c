package io.streamstress.runner.infra.cluster;

import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.target.JobManagerControl;
import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.runner.infra.HarnessException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * What a stress run needs from the Flink cluster its job runs on: submit, await, cancel, a view of the job
 * (attempts and where they run, checkpoints, failures) and control over its TaskManagers. Modelled on Flink's
 * connector testing framework ({@code TestEnvironment} with MiniCluster and container implementations, and
 * {@code ClusterControllable} for the faults a cluster can take).
 */
public interface FlinkCluster extends AutoCloseable {

    /** One line for the console, e.g. "embedded MiniCluster, 20 TaskManager(s) × 1 slot(s)". */
    String describe();

    /** The cluster's kind: what it can take and how the probes reach the harness. */
    ClusterKind kind();

    /** Submits the job and returns its id. */
    JobID submit(StreamGraph job) throws HarnessException;

    /** Waits for the job to reach a terminal state; null when {@code timeout} passed first. */
    JobResult awaitResult(JobID job, Duration timeout) throws HarnessException, InterruptedException;

    /** Cancels the job and waits (up to 30 s) for it to stop; quiet when it already stopped. */
    void cancel(JobID job);

    /**
     * Stops the job with a savepoint written under {@code directory} (stop-with-savepoint: the sources stop at
     * a barrier, the savepoint completes, the sink commits it, the job finishes) and returns the savepoint's
     * path once the job has stopped.
     *
     * @throws HarnessException when the savepoint fails or takes longer than {@code timeout} (the job then
     *     goes on running)
     */
    String stopWithSavepoint(JobID job, Path directory, Duration timeout) throws HarnessException, InterruptedException;

    /**
     * The job as the JobManager has it now.
     *
     * @throws IllegalStateException while the cluster does not know the job (yet), or does not answer
     */
    JobView view(JobID job);

    /**
     * Task restarts as Flink counts them: the sum over all subtasks of their current attempt number (region
     * failover restarts only the failed region, so this counts subtask restarts, not job restarts); -1 when the
     * cluster does not answer.
     */
    default long taskRestarts(JobID job) {
        try {
            return view(job).attempts().stream().mapToLong(SubtaskAttempt::attempt).sum();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * The TaskManagers that host a running task of {@code job}, for the TaskManager faults. What each
     * cluster can do to them is what {@link ClusterKind} says; the others throw
     * {@link io.streamstress.chaos.inject.FaultNotInjectedException}.
     */
    TaskManagerControl taskManagersOf(JobID job);

    /**
     * The JobManager of {@code job}, for the JobManager failover. Only the embedded MiniCluster, on HA services
     * with leadership control, can fail it over; elsewhere its {@code failover} throws
     * {@link FaultNotInjectedException}.
     */
    default JobManagerControl jobManagerOf(JobID job) {
        return leaderless -> {
            throw new FaultNotInjectedException("a JobManager failover needs HA leadership control: only the "
                    + "embedded MiniCluster has it (" + kind().name().toLowerCase(Locale.ROOT)
                    + " cluster here)");
        };
    }

    /** Stops what this object started (a user's cluster is left running). */
    @Override
    void close();
}
