package io.streamstress.runner.infra.cluster;

import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.target.JobManagerControl;
import io.streamstress.chaos.target.JobManagerControl.JobManagerFailover;
import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.checkpoints.CheckpointObserver;
import io.streamstress.checkpoints.CompletedCheckpoint;
import io.streamstress.runner.infra.HarnessException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.ErrorInfo;
import org.apache.flink.runtime.executiongraph.AccessExecution;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.highavailability.HighAvailabilityServices;
import org.apache.flink.runtime.highavailability.nonha.embedded.EmbeddedHaServicesWithLeadershipControl;
import org.apache.flink.runtime.highavailability.nonha.embedded.HaLeadershipControl;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.taskexecutor.TaskExecutor;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * A Flink MiniCluster sized for a laptop: many small TaskManagers (no shuffle in this job, so each needs
 * only a few network buffers), REST on loopback, temp files in the run directory.
 *
 * <p>It runs on embedded HA services with leadership control ({@link MiniCluster.HaServices#WITH_LEADERSHIP_CONTROL},
 * {@link EmbeddedHaServicesWithLeadershipControl}), so that {@link #failOverJobManager} can take the JobMaster's
 * leadership of a job away and give it back. Those services are the non-HA embedded ones ({@code
 * EmbeddedHaServices}: in-memory leader election, no ZooKeeper, nothing written) but for the checkpoint recovery
 * factory; this cluster gives them its own, {@link HandOverCheckpointRecoveryFactory}: Flink's standalone store per
 * JobMaster, whose completed checkpoints a suspended JobMaster hands over to the next one. Completed checkpoints
 * thus survive a JobMaster leadership change (the new JobMaster restores the job from the latest one, it does not
 * start it from scratch), and a run without a failover keeps, checkpoint for checkpoint, the non-HA behaviour.
 */
public final class MiniClusterHost implements FlinkCluster {

    /** Network buffer pool per TaskManager: the job is all chained, it needs only a handful of buffers. */
    public static final MemorySize NETWORK_MEMORY = MemorySize.parse("4mb");
    /** Managed memory per TaskManager with the heap state backend (unused by it). */
    public static final MemorySize MANAGED_MEMORY_HEAP_STATE = MemorySize.parse("8mb");
    /** Managed memory per TaskManager with RocksDB (its block cache and write buffers live there). */
    public static final MemorySize MANAGED_MEMORY_ROCKSDB = MemorySize.parse("64mb");
    public static final int RESTART_ATTEMPTS = 100;
    public static final Duration RESTART_DELAY = Duration.ofMillis(100);

    private final MiniCluster cluster;
    private final int slotsPerTaskManager;
    /** MiniCluster indexes of the running TaskManagers; a stopped one's index is never reused. */
    private final List<Integer> running = new ArrayList<>();
    private int nextIndex;

    private MiniClusterHost(MiniCluster cluster, int taskManagers, int slotsPerTaskManager) {
        this.cluster = cluster;
        this.slotsPerTaskManager = slotsPerTaskManager;
        for (int i = 0; i < taskManagers; i++) {
            running.add(i);
        }
        this.nextIndex = taskManagers;
    }

    /**
     * Starts a MiniCluster.
     *
     * @param taskManagers number of TaskManagers
     * @param slotsPerTaskManager slots each
     * @param rocksDb whether the job uses RocksDB (sizes managed memory)
     * @param tmpDir where Flink writes temp files
     * @param extra further cluster configuration, applied last
     */
    public static MiniClusterHost start(
            int taskManagers, int slotsPerTaskManager, boolean rocksDb, Path tmpDir, Configuration extra)
            throws HarnessException {
        Configuration config = clusterConfiguration(rocksDb, tmpDir);
        config.addAll(extra);
        MiniCluster cluster = new LeadershipControlledMiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(taskManagers)
                .setNumSlotsPerTaskManager(slotsPerTaskManager)
                .setHaServices(MiniCluster.HaServices.WITH_LEADERSHIP_CONTROL)
                .withRandomPorts()
                .build());
        try {
            cluster.start();
        } catch (Exception e) {
            cluster.closeAsync();
            throw new HarnessException("the Flink MiniCluster did not start: " + e.getMessage(), e);
        }
        return new MiniClusterHost(cluster, taskManagers, slotsPerTaskManager);
    }

    /** The cluster-level configuration the embedded runs use. */
    public static Configuration clusterConfiguration(boolean rocksDb, Path tmpDir) {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, NETWORK_MEMORY);
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, NETWORK_MEMORY);
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, rocksDb ? MANAGED_MEMORY_ROCKSDB : MANAGED_MEMORY_HEAP_STATE);
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.set(CoreOptions.TMP_DIRS, tmpDir.toString());
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, RESTART_ATTEMPTS);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
        return config;
    }

    @Override
    public String describe() {
        return String.format("embedded MiniCluster, %d TaskManager(s) × %d slot(s)", running.size(), slotsPerTaskManager);
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.EMBEDDED;
    }

    @Override
    public JobID submit(StreamGraph job) throws HarnessException {
        try {
            return cluster.submitJob(job).get(60, TimeUnit.SECONDS).getJobID();
        } catch (Exception e) {
            throw new HarnessException("the job could not be submitted: " + rootMessage(e), e);
        }
    }

    @Override
    public JobResult awaitResult(JobID job, Duration timeout) throws HarnessException, InterruptedException {
        try {
            return cluster.requestJobResult(job).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new HarnessException("could not get the job's result: " + rootMessage(e), e);
        }
    }

    @Override
    public void cancel(JobID job) {
        try {
            cluster.cancelJob(job).get(30, TimeUnit.SECONDS);
            cluster.requestJobResult(job).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Already terminal, or the cluster is going away: nothing left to cancel.
        }
    }

    @Override
    public String stopWithSavepoint(JobID job, Path directory, Duration timeout)
            throws HarnessException, InterruptedException {
        try {
            String path = cluster.stopWithSavepoint(job, directory.toUri().toString(), false,
                    SavepointFormatType.CANONICAL).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            cluster.requestJobResult(job).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return path;
        } catch (ExecutionException e) {
            throw new HarnessException("stop-with-savepoint of job " + job + " failed: " + rootMessage(e), e);
        } catch (TimeoutException e) {
            throw new HarnessException("stop-with-savepoint of job " + job + " did not complete within "
                    + timeout.toSeconds() + " s", e);
        }
    }

    @Override
    public JobView view(JobID job) {
        AccessExecutionGraph graph = executionGraph(job);
        List<SubtaskAttempt> attempts = new ArrayList<>();
        for (AccessExecutionVertex vertex : graph.getAllExecutionVertices()) {
            AccessExecution attempt = vertex.getCurrentExecutionAttempt();
            String taskManager = attempt.getAssignedResourceLocation() == null
                    ? null
                    : attempt.getAssignedResourceLocation().getResourceID().getResourceIdString();
            attempts.add(new SubtaskAttempt(vertex.getParallelSubtaskIndex(), attempt.getAttemptNumber(),
                    attempt.getState().name(), attempt.getStateTimestamp(ExecutionState.RUNNING), taskManager));
        }
        CheckpointStatsSnapshot stats = graph.getCheckpointStatsSnapshot();
        List<CompletedCheckpoint> completed = stats == null ? List.of() : CheckpointObserver.completedIn(stats);
        long failed = stats == null ? 0 : stats.getCounts().getNumberOfFailedCheckpoints();
        // The execution graph keeps only the latest failure (the exception history lives in the scheduler).
        ErrorInfo failure = graph.getFailureInfo();
        List<JobFailure> failures = failure == null
                ? List.of()
                : List.of(new JobFailure(failure.getTimestamp(), failure.getException().getOriginalErrorClassName(),
                        failure.getException().getMessage(), null));
        return new JobView(graph.getState().name(), attempts, completed, failed, failures);
    }

    /** The job's execution graph as the JobManager has it now. */
    AccessExecutionGraph executionGraph(JobID job) {
        try {
            return cluster.getExecutionGraph(job).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no execution graph for " + job + ": " + rootMessage(e), e);
        }
    }

    /** Fails over the JobManager of {@code job}: see {@link #failOverJobManager}. */
    @Override
    public JobManagerControl jobManagerOf(JobID job) {
        return leaderless -> failOverJobManager(job, leaderless);
    }

    /**
     * Revokes the JobMaster's leadership of {@code job}, waits {@code leaderless}, and grants it again. The revoke
     * suspends the job: its JobMaster closes, its tasks are cancelled, its checkpoint store hands its completed
     * checkpoints over. The grant starts a new JobMaster, with a new execution graph (attempt numbers start at 0
     * again), that restores the job from the latest completed checkpoint and schedules every task again.
     *
     * @throws FaultNotInjectedException when the job is not running (nothing is revoked then)
     */
    public JobManagerFailover failOverJobManager(JobID job, Duration leaderless) throws Exception {
        HaLeadershipControl leadership = cluster.getHaLeadershipControl().orElseThrow(
                () -> new FaultNotInjectedException("this MiniCluster runs without HA leadership control"));
        JobStatus status = cluster.getJobStatus(job).get(10, TimeUnit.SECONDS);
        if (status != JobStatus.RUNNING) {
            throw new FaultNotInjectedException("job " + job + " is " + status + ", not running");
        }
        long revokedAt = System.currentTimeMillis();
        leadership.revokeJobMasterLeadership(job).get(60, TimeUnit.SECONDS);
        long revokeTook = System.currentTimeMillis() - revokedAt;
        long grantedAt;
        try {
            Thread.sleep(leaderless.toMillis());
        } finally {
            // Even when interrupted: a job left without a leader would never run again.
            leadership.grantJobMasterLeadership(job).get(60, TimeUnit.SECONDS);
            grantedAt = System.currentTimeMillis();
        }
        return new JobManagerFailover(revokedAt, grantedAt, String.format("JobMaster of job %s lost its leadership "
                + "(revoke took %d ms), granted to a new JobMaster %d ms after the revoke", job, revokeTook,
                grantedAt - revokedAt));
    }

    /** Stops (and replaces) TaskManagers that host a running task of {@code job}; kill and freeze it cannot. */
    @Override
    public TaskManagerControl taskManagersOf(JobID job) {
        return ordinal -> stopAndReplace(job, ordinal);
    }

    private synchronized String stopAndReplace(JobID job, int ordinal) throws Exception {
        Set<String> busy = view(job).taskManagersRunningTasks();
        Map<Integer, String> ids = resourceIds();
        OptionalInt chosen = TaskManagerChoice.pick(running, ids, busy, ordinal);
        if (chosen.isEmpty()) {
            throw new FaultNotInjectedException("no running TaskManager hosts a running task of the job");
        }
        int index = chosen.getAsInt();
        running.remove(Integer.valueOf(index));
        cluster.terminateTaskManager(index).get(60, TimeUnit.SECONDS);
        cluster.startTaskManager();
        running.add(nextIndex++);
        return "TaskManager #" + index + " (" + ids.get(index) + ", hosting a running task)";
    }

    /**
     * The resource id of each TaskManager the MiniCluster started, by its index. The MiniCluster gives them
     * random ids and keeps them in a private list that {@code terminateTaskManager(index)} indexes; it has no
     * accessor, hence the reflection (a Flink upgrade that renames the field fails here, saying so).
     */
    private Map<Integer, String> resourceIds() {
        try {
            Field field = MiniCluster.class.getDeclaredField("taskManagers");
            field.setAccessible(true);
            List<?> taskManagers;
            synchronized (cluster) {
                taskManagers = List.copyOf((List<?>) field.get(cluster));
            }
            Map<Integer, String> ids = new HashMap<>();
            for (int i = 0; i < taskManagers.size(); i++) {
                ids.put(i, ((TaskExecutor) taskManagers.get(i)).getResourceID().getResourceIdString());
            }
            return ids;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this Flink's MiniCluster has no TaskManager list to read: " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            // Shutting down: nothing useful to do about a failing close.
        }
    }

    /**
     * A MiniCluster on {@link EmbeddedHaServicesWithLeadershipControl} with {@link
     * HandOverCheckpointRecoveryFactory} instead of the services' own checkpoint recovery (the MiniCluster's
     * extension point for its HA services, as Flink's {@code TestingMiniCluster} uses it).
     */
    private static final class LeadershipControlledMiniCluster extends MiniCluster {

        LeadershipControlledMiniCluster(MiniClusterConfiguration configuration) {
            super(configuration);
        }

        @Override
        protected HighAvailabilityServices createHighAvailabilityServices(Configuration config, Executor executor) {
            return new EmbeddedHaServicesWithLeadershipControl(executor, new HandOverCheckpointRecoveryFactory());
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
