package io.streamstress.runner.run;

import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.runner.infra.cluster.ClusterKind;
import io.streamstress.runner.infra.cluster.FlinkCluster;
import io.streamstress.runner.infra.cluster.JobView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * A cluster that only answers {@link #taskManagersOf} with TaskManagers that record what was done to them (the
 * job's id with it): for what hands TaskManager faults on to the cluster. Everything else is not supported.
 */
final class TestingFlinkCluster implements FlinkCluster {

    /** What the TaskManagers were asked to do, e.g. "cutOff 3 of <job id>". */
    final List<String> calls = new ArrayList<>();

    @Override
    public TaskManagerControl taskManagersOf(JobID job) {
        return new TaskManagerControl() {
            @Override
            public String stopAndReplace(int ordinal) {
                calls.add("stopAndReplace " + ordinal + " of " + job);
                return "stopped";
            }

            @Override
            public KilledTaskManager kill(int ordinal) {
                calls.add("kill " + ordinal + " of " + job);
                return new KilledTaskManager("tm-" + ordinal, 0, "killed");
            }

            @Override
            public FrozenTaskManager freeze(int ordinal) {
                calls.add("freeze " + ordinal + " of " + job);
                return null;
            }

            @Override
            public FrozenTaskManager cutOff(int ordinal) {
                calls.add("cutOff " + ordinal + " of " + job);
                return null;
            }
        };
    }

    @Override
    public String describe() {
        return "testing cluster";
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.DOCKER;
    }

    @Override
    public JobID submit(StreamGraph job) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobResult awaitResult(JobID job, Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void cancel(JobID job) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String stopWithSavepoint(JobID job, Path directory, Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobView view(JobID job) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
