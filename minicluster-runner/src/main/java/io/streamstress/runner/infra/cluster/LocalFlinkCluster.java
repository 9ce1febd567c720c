package io.streamstress.runner.infra.cluster;

import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.cluster.rest.ClusterOverRest;
import io.streamstress.runner.infra.cluster.rest.RestFlinkCluster;
import io.streamstress.runner.infra.cluster.rest.RestUrl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.JobID;

/**
 * {@code --cluster local}: the session cluster of JobManager and TaskManager JVMs this jar started
 * ({@link LocalSessionCluster}), used through its REST API like any session cluster ({@link RestFlinkCluster}),
 * with what only the owner of the processes can do: stop (SIGTERM), kill (SIGKILL) and freeze (SIGSTOP) a
 * TaskManager that hosts a running task of the job. The cluster's class path is this jar's, so the job is
 * submitted without a jar.
 */
public final class LocalFlinkCluster implements ClusterOverRest {

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
    public RestFlinkCluster rest() {
        return rest;
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
                        return ThawOutcome.await(rest, processes::registeredTaskManagers, job, target);
                    }
                };
            }
        };
    }

    /**
     * The resource id of a live, unfrozen TaskManager that hosts a running task of {@code job}: the
     * {@code ordinal}-th of them (modulo their number), in start order.
     */
    private String busyTaskManager(JobID job, int ordinal) throws FaultNotInjectedException {
        List<String> live = processes.taskManagers().stream().filter(tm -> !tm.frozen())
                .map(LocalTaskManager::resourceId).toList();
        return TaskManagerChoice.pick(live, rest.view(job).taskManagersRunningTasks(), ordinal).orElseThrow(
                () -> new FaultNotInjectedException("no live TaskManager hosts a running task of the job"));
    }

    @Override
    public void close() {
        rest.close();
        processes.close();
    }
}
