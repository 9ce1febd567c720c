package io.streamstress.runner.infra.cluster;

import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.cluster.rest.RestFlinkCluster;
import io.streamstress.runner.infra.cluster.rest.RestUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * {@code --cluster local}: the session cluster of JobManager and TaskManager JVMs this jar started
 * ({@link LocalSessionCluster}), used through its REST API like any session cluster ({@link RestFlinkCluster}),
 * with what only the owner of the processes can do: stop (SIGTERM), kill (SIGKILL) and freeze (SIGSTOP) a
 * TaskManager that hosts a running task of the job. The cluster's class path is this jar's, so the job is
 * submitted without a jar.
 */
public final class LocalFlinkCluster implements FlinkCluster {

    /** How long a thawed TaskManager may take to register again before the injection says so. */
    static final Duration THAW_PATIENCE = Duration.ofSeconds(15);
    private static final Duration THAW_POLL = Duration.ofMillis(200);

    private final LocalSessionCluster processes;
    private final RestFlinkCluster rest;

    private LocalFlinkCluster(LocalSessionCluster processes, RestFlinkCluster rest) {
        this.processes = processes;
        this.rest = rest;
    }

    /** Starts the processes and connects to their REST endpoint; stops them again if that fails. */
    public static LocalFlinkCluster start(LocalClusterSettings settings, ClusterProgress progress,
            Duration connectTimeout) throws HarnessException, InterruptedException {
        LocalSessionCluster processes = LocalSessionCluster.start(settings, progress);
        try {
            return new LocalFlinkCluster(processes,
                    RestFlinkCluster.connect(RestUrl.parse(processes.restUrl()), connectTimeout, Optional.empty()));
        } catch (HarnessException | RuntimeException e) {
            processes.close();
            throw e;
        }
    }

    /** The processes, for what only they can tell (pids, start-up time). */
    public LocalSessionCluster processes() {
        return processes;
    }

    @Override
    public String describe() {
        LocalClusterSettings settings = processes.settings();
        return String.format("local session cluster at %s, %d TaskManager JVM(s) × %d slot(s) + %d spare, up in %.1f s",
                processes.restUrl(), settings.taskManagers(), settings.slotsPerTaskManager(),
                settings.spareTaskManagers(), processes.startupTime().toMillis() / 1000.0);
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.LOCAL;
    }

    @Override
    public JobID submit(StreamGraph job) throws HarnessException {
        return rest.submit(job);
    }

    @Override
    public JobResult awaitResult(JobID job, Duration timeout) throws HarnessException, InterruptedException {
        return rest.awaitResult(job, timeout);
    }

    @Override
    public void cancel(JobID job) {
        rest.cancel(job);
    }

    @Override
    public String stopWithSavepoint(JobID job, Path directory, Duration timeout)
            throws HarnessException, InterruptedException {
        return rest.stopWithSavepoint(job, directory, timeout);
    }

    @Override
    public JobView view(JobID job) {
        return rest.view(job);
    }

    @Override
    public TaskManagerControl taskManagersOf(JobID job) {
        return new TaskManagerControl() {
            @Override
            public String stopAndReplace(int ordinal) throws Exception {
                String target = busyTaskManager(job, ordinal);
                long pid = processes.pid(target);
                String spare = processes.stop(target);
                return "TaskManager " + target + " (pid " + pid + ", hosting a running task; SIGTERM, spare " + spare
                        + ")";
            }

            @Override
            public KilledTaskManager kill(int ordinal) throws Exception {
                String target = busyTaskManager(job, ordinal);
                long pid = processes.pid(target);
                long at = System.currentTimeMillis();
                String spare = processes.kill(target);
                return new KilledTaskManager(target, at, "TaskManager " + target + " (pid " + pid
                        + ", hosting a running task; spare " + spare + ")");
            }

            @Override
            public FrozenTaskManager freeze(int ordinal) throws Exception {
                String target = busyTaskManager(job, ordinal);
                long pid = processes.pid(target);
                long at = System.currentTimeMillis();
                processes.freeze(target);
                return new FrozenTaskManager() {
                    @Override
                    public String resourceId() {
                        return target;
                    }

                    @Override
                    public long frozenAtMillis() {
                        return at;
                    }

                    @Override
                    public String description() {
                        return "TaskManager " + target + " (pid " + pid + ", hosting a running task)";
                    }

                    @Override
                    public String thaw() throws Exception {
                        processes.thaw(target);
                        return afterThaw(job, target);
                    }
                };
            }
        };
    }

    /**
     * What the JobManager makes of a thawed TaskManager, once it has registered again (up to
     * {@link #THAW_PATIENCE}): the zombie of a TaskManager declared lost holds none of the job's attempts (Flink
     * cancelled them and runs them elsewhere; what it had not committed belongs to checkpoints that were aborted,
     * so it cannot be committed twice), while one thawed before its heartbeat timed out still runs its own.
     */
    private String afterThaw(JobID job, String target) throws InterruptedException {
        long deadline = System.nanoTime() + THAW_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RegisteredTaskManager> registered = processes.registeredTaskManagers().orElse(List.of()).stream()
                    .filter(tm -> tm.resourceId().equals(target) && tm.ready()).findFirst();
            long attemptsThere;
            try {
                attemptsThere = rest.view(job).attempts().stream()
                        .filter(a -> target.equals(a.taskManagerId()) && a.running()).count();
            } catch (RuntimeException e) {
                attemptsThere = -1;
            }
            if (registered.isPresent() && attemptsThere > 0) {
                return "it went on running its " + attemptsThere + " attempt(s) (thawed before its heartbeat timed out)";
            }
            if (registered.isPresent() && attemptsThere == 0 && registered.get().idle()) {
                return "back as a zombie, registered again with all " + registered.get().slots()
                        + " slot(s) free: Flink had cancelled its attempts and runs them elsewhere";
            }
            Thread.sleep(THAW_POLL.toMillis());
        }
        return "not registered again within " + THAW_PATIENCE.toSeconds() + " s";
    }

    /**
     * The resource id of a live, unfrozen TaskManager that hosts a running task of {@code job}: the
     * {@code ordinal}-th of them (modulo their number), in start order.
     */
    private String busyTaskManager(JobID job, int ordinal) throws FaultNotInjectedException {
        Set<String> busy = rest.view(job).taskManagersRunningTasks();
        List<Integer> live = new ArrayList<>();
        Map<Integer, String> ids = new HashMap<>();
        List<LocalTaskManager> taskManagers = processes.taskManagers();
        for (int i = 0; i < taskManagers.size(); i++) {
            if (!taskManagers.get(i).frozen()) {
                live.add(i);
                ids.put(i, taskManagers.get(i).resourceId());
            }
        }
        OptionalInt chosen = TaskManagerChoice.pick(live, ids, busy, ordinal);
        if (chosen.isEmpty()) {
            throw new FaultNotInjectedException("no live TaskManager hosts a running task of the job");
        }
        return ids.get(chosen.getAsInt());
    }

    @Override
    public void close() {
        rest.close();
        processes.close();
    }
}
