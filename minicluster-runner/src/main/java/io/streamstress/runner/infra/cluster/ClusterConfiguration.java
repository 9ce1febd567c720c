package io.streamstress.runner.infra.cluster;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;

/**
 * The configuration every process of the local cluster reads from {@code config.yaml}: loopback addresses, the
 * JobManager's two ports, memory ({@link ClusterMemory}), heartbeats tuned to find a lost TaskManager fast,
 * REST answers refreshed often, the restart strategy of the embedded runs, parent-first class loading, and
 * directories inside the run directory; the user's {@code -D} last.
 *
 * <p>Heartbeats (Flink's defaults: 10 s interval, 50 s timeout, 2 failed RPCs): a heartbeat to a killed
 * process fails at once (connection refused, the TaskManager "is no longer reachable"), so a kill is found
 * after about {@link #HEARTBEAT_INTERVAL} × {@link #HEARTBEAT_RPC_FAILURE_THRESHOLD}: measured 0.4 s. A frozen
 * (SIGSTOP) process still holds its sockets and is found only when its heartbeats stop for
 * {@link #HEARTBEAT_TIMEOUT} (4 s). Only "unreachable" failures count towards the threshold, so a slow
 * machine does not trip it; the timeout is 16 intervals, far above the pauses of a 96 MB heap's collections and
 * of a loaded 2-core machine (measured at load 6-7 with no false timeout). Flink's own process-failure test
 * ({@code AbstractTaskManagerProcessFailureRecoveryTest}) uses 200 ms and 10 s.
 */
public final class ClusterConfiguration {

    /** Time between heartbeats of the JobManager's components and the TaskManagers. */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(250);
    /** Consecutive heartbeats failing as "unreachable" that mark a TaskManager lost (Flink's default, 2). */
    public static final int HEARTBEAT_RPC_FAILURE_THRESHOLD = 2;
    /**
     * Silence after which a TaskManager is lost: what finds a frozen one. Below the default {@code --stall} (5 s),
     * so that a default {@code taskmanager-freeze} is declared lost before its thaw (with 5 s the two raced).
     */
    public static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(4);
    /** How old the REST answers about jobs and checkpoints may be (Flink's default: 3 s). */
    public static final Duration REST_REFRESH_INTERVAL = Duration.ofMillis(200);
    /** How old the metrics REST serves may be (Flink's default: 10 s). */
    public static final Duration METRICS_FETCH_INTERVAL = Duration.ofSeconds(1);
    /**
     * The cluster's classpath is the harness's own (stress.jar), which holds the job and its connectors: with
     * Flink's child-first default, a job jar would load kafka-clients a second time and linkage would fail.
     */
    public static final String CLASSLOADER_RESOLVE_ORDER = "parent-first";
    /** Inside the run directory, next to {@code checkpoints/}: where a stop-with-savepoint writes by default. */
    public static final String SAVEPOINTS_DIR = "savepoints";

    private ClusterConfiguration() {}

    /** The whole configuration of a cluster with {@code settings} in {@code dir}, the JobManager on {@code ports}. */
    public static Configuration of(LocalClusterSettings settings, ClusterDirectory dir, ClusterPorts ports) {
        Configuration config = new Configuration();
        String host = LocalClusterSettings.HOST;
        config.set(JobManagerOptions.ADDRESS, host);
        config.set(JobManagerOptions.BIND_HOST, host);
        config.set(JobManagerOptions.PORT, ports.rpc());
        config.set(RestOptions.ADDRESS, host);
        config.set(RestOptions.BIND_ADDRESS, host);
        config.set(RestOptions.PORT, ports.rest());
        config.set(RestOptions.BIND_PORT, Integer.toString(ports.rest()));
        config.set(TaskManagerOptions.HOST, host);
        config.set(TaskManagerOptions.BIND_HOST, host);
        config.set(TaskManagerOptions.RPC_PORT, "0");
        config.set(NettyShuffleEnvironmentOptions.DATA_PORT, 0);
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, settings.slotsPerTaskManager());

        ClusterMemory.configure(config, settings.rocksDb());

        config.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, HEARTBEAT_INTERVAL);
        config.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, HEARTBEAT_TIMEOUT);
        config.set(HeartbeatManagerOptions.HEARTBEAT_RPC_FAILURE_THRESHOLD, HEARTBEAT_RPC_FAILURE_THRESHOLD);
        config.set(WebOptions.REFRESH_INTERVAL, REST_REFRESH_INTERVAL);
        config.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, METRICS_FETCH_INTERVAL);

        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, MiniClusterHost.RESTART_ATTEMPTS);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, MiniClusterHost.RESTART_DELAY);
        config.set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, CLASSLOADER_RESOLVE_ORDER);

        config.set(CoreOptions.TMP_DIRS, dir.tmp().toString());
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                settings.runDirectory().checkpoints().toUri().toString());
        config.set(CheckpointingOptions.SAVEPOINT_DIRECTORY,
                settings.runDirectory().root().resolve(SAVEPOINTS_DIR).toUri().toString());

        config.addAll(Configuration.fromMap(settings.extraConfig()));
        return config;
    }
}
