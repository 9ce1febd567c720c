package io.streamstress.runner.infra.cluster;

import io.streamstress.checkpoints.CompletedCheckpoint;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job as the JobManager reports it at one moment.
 *
 * @param state the job's state (RUNNING, FINISHED, …)
 * @param attempts the current attempt of every subtask
 * @param completedCheckpoints the completed checkpoints the JobManager still lists (its history is short)
 * @param failedCheckpoints failed checkpoints, as the JobManager counts them
 * @param failures the job's exception history, oldest first (what failed, when, on which TaskManager)
 */
public record JobView(String state, List<SubtaskAttempt> attempts, List<CompletedCheckpoint> completedCheckpoints,
        long failedCheckpoints, List<JobFailure> failures) {

    public JobView {
        attempts = List.copyOf(attempts);
        completedCheckpoints = List.copyOf(completedCheckpoints);
        failures = List.copyOf(failures);
    }

    /** The resource ids of the TaskManagers that host a running attempt: what a TaskManager fault may hit. */
    public Set<String> taskManagersRunningTasks() {
        return attempts.stream().filter(SubtaskAttempt::running).map(SubtaskAttempt::taskManagerId)
                .filter(id -> id != null).collect(Collectors.toSet());
    }
}
