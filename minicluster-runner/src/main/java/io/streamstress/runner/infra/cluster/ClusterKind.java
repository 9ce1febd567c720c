package io.streamstress.runner.infra.cluster;

/** The clusters a run can use ({@code --cluster embedded|local|docker|URL}). */
public enum ClusterKind {
    /** A MiniCluster inside the harness's JVM: the tasks share the harness's JVM. */
    EMBEDDED,
    /** A session cluster of JobManager and TaskManager JVMs the jar started: it can kill and freeze them. */
    LOCAL,
    /**
     * A session cluster of JobManager and TaskManager containers the jar started ({@code --infra docker}): it can
     * kill (SIGKILL to the container), freeze (the cgroup freezer) and cut off (from the network) TaskManagers.
     */
    DOCKER,
    /** A user's own session cluster, reached by REST: the harness owns none of its processes. */
    REMOTE;

    /** Whether the tasks run in the harness's own JVM (so JVM-wide probes reach the harness). */
    public boolean sharesHarnessJvm() {
        return this == EMBEDDED;
    }

    /** Whether the harness owns the TaskManager processes (SIGKILL, SIGSTOP; in containers, their cgroup). */
    public boolean ownsProcesses() {
        return this == LOCAL || this == DOCKER;
    }

    /** Whether the harness started the cluster (it may then stop, kill and replace its TaskManagers). */
    public boolean startedByHarness() {
        return this != REMOTE;
    }
}
