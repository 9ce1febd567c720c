package io.streamstress.runner.infra.cluster;

/**
 * A TaskManager as the JobManager's REST lists it ({@code GET /taskmanagers}).
 *
 * <p>A TaskManager is listed as soon as it registers, but its slots only once the ResourceManager has its slot
 * report, a moment later: until then it shows 0 slots, 0 free. Only a {@link #ready() ready} one can take tasks.
 *
 * @param resourceId its resource id ({@code tm-N} on the local cluster)
 * @param slots its slots the ResourceManager knows of (0 before its slot report)
 * @param freeSlots those not allocated to a job
 */
public record RegisteredTaskManager(String resourceId, int slots, int freeSlots) {

    /** Registered and its slots reported: it can take tasks. */
    public boolean ready() {
        return slots > 0;
    }

    /** Ready, and none of its slots allocated to a job. */
    public boolean idle() {
        return ready() && freeSlots == slots;
    }
}
