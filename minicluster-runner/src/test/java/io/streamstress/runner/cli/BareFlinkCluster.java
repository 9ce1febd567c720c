package io.streamstress.runner.cli;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink session cluster for a child JVM whose class path is Flink's alone ({@link BareFlinkClusterProcess}):
 * one TaskManager with {@value #SLOTS} slots, REST on a free loopback port, printed on stdout as
 * {@value #READY}{@code URI}. It runs until its stdin closes (the test JVM ended or closed it).
 */
public final class BareFlinkCluster {

    /** The line that tells the parent the REST address. */
    public static final String READY = "BARE FLINK CLUSTER REST ";
    static final int SLOTS = 2;
    private static final MemorySize SMALL = MemorySize.parse("16mb");

    private BareFlinkCluster() {}

    /** @param args the directory for Flink's temp files */
    public static void main(String[] args) throws Exception {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.set(CoreOptions.TMP_DIRS, args[0]);
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, SMALL);
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, SMALL);
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, SMALL);
        config.set(WebOptions.REFRESH_INTERVAL, Duration.ofMillis(200));
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(SLOTS)
                .withRandomPorts()
                .build());
        cluster.start();
        URI rest = cluster.getRestAddress().get(1, TimeUnit.MINUTES);
        System.out.println(READY + rest);
        System.out.flush();
        while (System.in.read() != -1) {
            // Runs until the parent closes our stdin.
        }
        cluster.closeAsync().get(30, TimeUnit.SECONDS);
        System.exit(0);
    }
}
