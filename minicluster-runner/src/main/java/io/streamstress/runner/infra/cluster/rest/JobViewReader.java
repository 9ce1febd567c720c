package io.streamstress.runner.infra.cluster.rest;

import io.streamstress.checkpoints.CompletedCheckpoint;
import io.streamstress.runner.infra.cluster.JobFailure;
import io.streamstress.runner.infra.cluster.JobView;
import io.streamstress.runner.infra.cluster.SubtaskAttempt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.jobgraph.JobVertexID;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.runtime.rest.messages.JobExceptionsHeaders;
import org.apache.flink.runtime.rest.messages.JobExceptionsInfoWithHistory;
import org.apache.flink.runtime.rest.messages.JobMessageParameters;
import org.apache.flink.runtime.rest.messages.JobVertexDetailsHeaders;
import org.apache.flink.runtime.rest.messages.JobVertexDetailsInfo;
import org.apache.flink.runtime.rest.messages.JobVertexMessageParameters;
import org.apache.flink.runtime.rest.messages.SubtasksTimesHeaders;
import org.apache.flink.runtime.rest.messages.SubtasksTimesInfo;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointStatistics;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatistics;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointingStatisticsHeaders;
import org.apache.flink.runtime.rest.messages.job.JobDetailsHeaders;
import org.apache.flink.runtime.rest.messages.job.JobDetailsInfo;
import org.apache.flink.runtime.rest.messages.job.JobExceptionsMessageParameters;
import org.apache.flink.runtime.rest.messages.job.SubtaskExecutionAttemptDetailsInfo;

/**
 * Builds a {@link JobView} from the JobManager's REST answers, with Flink's own message classes (so the field
 * names are Flink's): {@code /jobs/:id} (state, vertices), then at once, per vertex {@code /vertices/:vid}
 * (attempt, status, TaskManager) and {@code /vertices/:vid/subtasktimes} (when each attempt reached RUNNING),
 * {@code /checkpoints} and {@code /exceptions}: two round trips, 3 + 2 × vertices requests (5 for the chained
 * stress job).
 *
 * <p>The JobManager answers from caches refreshed every {@code web.refresh-interval} (job, vertices, times) and
 * {@code rest.cache.checkpoint-statistics.timeout} (checkpoints): the view can be that old, but the timestamps
 * in it are the JobManager's own.
 */
final class JobViewReader {

    /** Flink's placeholder for the TaskManager of a subtask not yet placed. */
    static final String UNASSIGNED = "(unassigned)";

    private final RestClusterClient<?> client;
    private final Duration timeout;

    /**
     * @param timeout how long one view may take in all
     */
    JobViewReader(RestClusterClient<?> client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    JobView read(JobID job) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobMessageParameters jobParameters = new JobMessageParameters();
        jobParameters.jobPathParameter.resolve(job);
        JobDetailsInfo details = await(client.sendRequest(JobDetailsHeaders.getInstance(), jobParameters,
                EmptyRequestBody.getInstance()), deadline, job);

        CompletableFuture<CheckpointingStatistics> checkpoints = client.sendRequest(
                CheckpointingStatisticsHeaders.getInstance(), jobParameters, EmptyRequestBody.getInstance());
        JobExceptionsMessageParameters exceptionParameters = new JobExceptionsMessageParameters();
        exceptionParameters.jobPathParameter.resolve(job);
        CompletableFuture<JobExceptionsInfoWithHistory> exceptions = client.sendRequest(
                JobExceptionsHeaders.getInstance(), exceptionParameters, EmptyRequestBody.getInstance());
        List<CompletableFuture<JobVertexDetailsInfo>> vertices = new ArrayList<>();
        List<CompletableFuture<SubtasksTimesInfo>> times = new ArrayList<>();
        for (JobDetailsInfo.JobVertexDetailsInfo vertex : details.getJobVertexInfos()) {
            JobVertexMessageParameters vertexParameters = vertexParameters(job, vertex.getJobVertexID());
            vertices.add(client.sendRequest(JobVertexDetailsHeaders.getInstance(), vertexParameters,
                    EmptyRequestBody.getInstance()));
            times.add(client.sendRequest(SubtasksTimesHeaders.getInstance(), vertexParameters,
                    EmptyRequestBody.getInstance()));
        }

        List<SubtaskAttempt> attempts = new ArrayList<>();
        for (int v = 0; v < vertices.size(); v++) {
            attempts.addAll(attempts(await(vertices.get(v), deadline, job), await(times.get(v), deadline, job)));
        }
        CheckpointingStatistics statistics = await(checkpoints, deadline, job);
        return new JobView(details.getJobStatus().name(), attempts, completed(statistics),
                statistics.getCounts().getNumberFailedCheckpoints(), failures(await(exceptions, deadline, job)));
    }

    private static JobVertexMessageParameters vertexParameters(JobID job, JobVertexID vertex) {
        JobVertexMessageParameters parameters = new JobVertexMessageParameters();
        parameters.jobPathParameter.resolve(job);
        parameters.jobVertexIdPathParameter.resolve(vertex);
        return parameters;
    }

    /** One vertex's current attempts, with the time each reached RUNNING (0 when it has not). */
    static List<SubtaskAttempt> attempts(JobVertexDetailsInfo vertex, SubtasksTimesInfo times) {
        Map<Integer, Long> runningSince = new HashMap<>();
        for (SubtasksTimesInfo.SubtaskTimeInfo subtask : times.getSubtasks()) {
            Long running = subtask.getTimestamps().get(ExecutionState.RUNNING);
            runningSince.put(subtask.getSubtask(), running == null || running < 0 ? 0 : running);
        }
        List<SubtaskAttempt> attempts = new ArrayList<>();
        for (SubtaskExecutionAttemptDetailsInfo subtask : vertex.getSubtasks()) {
            String taskManager = subtask.getTaskmanagerId();
            attempts.add(new SubtaskAttempt(subtask.getSubtaskIndex(), subtask.getAttempt(), subtask.getStatus().name(),
                    runningSince.getOrDefault(subtask.getSubtaskIndex(), 0L),
                    taskManager == null || UNASSIGNED.equals(taskManager) ? null : taskManager));
        }
        return attempts;
    }

    /** The completed checkpoints of the history the JobManager keeps, oldest first. */
    static List<CompletedCheckpoint> completed(CheckpointingStatistics statistics) {
        return completed(statistics.getHistory());
    }

    /**
     * The completed checkpoints among {@code history}, oldest first. Savepoints are left out: a rescale's
     * stop-with-savepoint is the fault itself, not a checkpoint of the job's recovery (T3).
     */
    static List<CompletedCheckpoint> completed(Collection<CheckpointStatistics> history) {
        List<CompletedCheckpoint> completed = new ArrayList<>();
        for (CheckpointStatistics checkpoint : history) {
            if (checkpoint.getStatus() == CheckpointStatsStatus.COMPLETED && !checkpoint.isSavepoint()) {
                completed.add(new CompletedCheckpoint(checkpoint.getId(), checkpoint.getTriggerTimestamp(),
                        checkpoint.getLatestAckTimestamp(), checkpoint.getDuration(), checkpoint.getStateSize()));
            }
        }
        completed.sort(Comparator.comparingLong(CompletedCheckpoint::id));
        return completed;
    }

    /** The exception history's root entries, oldest first. */
    static List<JobFailure> failures(JobExceptionsInfoWithHistory exceptions) {
        List<JobFailure> failures = new ArrayList<>();
        for (JobExceptionsInfoWithHistory.RootExceptionInfo entry : exceptions.getExceptionHistory().getEntries()) {
            failures.add(new JobFailure(entry.getTimestamp(), entry.getExceptionName(),
                    FailureText.message(entry.getExceptionName(), entry.getStacktrace()), entry.getTaskManagerId()));
        }
        failures.sort(Comparator.comparingLong(JobFailure::atMillis));
        return failures;
    }

    private <T> T await(CompletableFuture<T> answer, long deadlineNanos, JobID job) {
        try {
            return answer.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new IllegalStateException("interrupted while reading job " + job, e);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IllegalStateException("the cluster did not describe job " + job + " within "
                    + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the cluster did not describe job " + job + ": "
                    + RestErrors.rootMessage(e), e);
        }
    }
}
