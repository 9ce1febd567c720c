package io.streamstress.runner.infra.cluster.rest;

import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.cluster.FlinkCluster;
import io.streamstress.runner.infra.cluster.JobView;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * A session cluster the harness started itself (as processes or containers) and uses through its REST API like any
 * other: jobs, their results, savepoints and views go to {@link #rest()}; what only the owner of its TaskManagers
 * can do stays with the implementation.
 */
public interface ClusterOverRest extends FlinkCluster {

    /** The cluster's REST endpoint, connected. */
    RestFlinkCluster rest();

    @Override
    default JobID submit(StreamGraph job) throws HarnessException {
        return rest().submit(job);
    }

    @Override
    default JobResult awaitResult(JobID job, Duration timeout) throws HarnessException, InterruptedException {
        return rest().awaitResult(job, timeout);
    }

    @Override
    default void cancel(JobID job) {
        rest().cancel(job);
    }

    @Override
    default String stopWithSavepoint(JobID job, Path directory, Duration timeout)
            throws HarnessException, InterruptedException {
        return rest().stopWithSavepoint(job, directory, timeout);
    }

    @Override
    default JobView view(JobID job) {
        return rest().view(job);
    }
}
