package io.streamstress.runner.infra.cluster;

/**
 * A TaskManager as the JobManager's REST lists it ({@code GET /taskmanagers}).
 *
 * @param resourceId its resource id ({@code tm-N} on the local cluster)
 * @param slots its slots
 * @param freeSlots those not allocated to a job
 */
public record RegisteredTaskManager(String resourceId, int slots, int freeSlots) {}
