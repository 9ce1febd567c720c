package io.streamstress.runner.infra.cluster;

/**
 * One entry of the job's exception history.
 *
 * @param atMillis when the JobManager recorded it
 * @param exceptionName the exception's class name
 * @param message its message (e.g. "... is no longer reachable", "Heartbeat of TaskManager with id ... timed out")
 * @param taskManagerId the resource id of the TaskManager it happened on, null when unknown
 */
public record JobFailure(long atMillis, String exceptionName, String message, String taskManagerId) {}
