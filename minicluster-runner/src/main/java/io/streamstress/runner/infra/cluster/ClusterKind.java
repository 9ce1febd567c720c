package io.streamstress.runner.infra.cluster;

/** The three clusters a run can use ({@code --cluster embedded|local|URL}). */
public enum ClusterKind {
    /** A MiniCluster inside the harness's JVM: the tasks share the harness's JVM. */
    EMBEDDED,
    /** A session cluster of JobManager and TaskManager JVMs the jar started: it can kill and freeze them. */
    LOCAL,
    /** A user's own session cluster, reached by REST: the harness owns none of its processes. */
    REMOTE;

    /** Whether the tasks run in the harness's own JVM (so JVM-wide probes reach the harness). */
    public boolean sharesHarnessJvm() {
        return this == EMBEDDED;
    }

    /** Whether the harness owns the TaskManager processes (SIGKILL, SIGSTOP). */
    public boolean ownsProcesses() {
        return this == LOCAL;
    }
}
