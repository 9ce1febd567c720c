package io.streamstress.runner.run;

import io.streamstress.checkpoints.CheckpointSettings;
import io.streamstress.checkpoints.StateBackendKind;
import io.streamstress.runner.config.StressConfig;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.RunDirectory;
import io.streamstress.runner.infra.cluster.ClusterDirectory;
import io.streamstress.runner.infra.cluster.ClusterProgress;
import io.streamstress.runner.infra.cluster.ClusterStart;
import io.streamstress.runner.infra.cluster.LocalClusterSettings;
import io.streamstress.runner.infra.cluster.LocalFlinkCluster;
import io.streamstress.runner.infra.cluster.MiniClusterHost;
import io.streamstress.runner.infra.cluster.rest.RestFlinkCluster;
import io.streamstress.runner.infra.cluster.rest.RestUrl;
import io.streamstress.runner.infra.docker.DockerFlinkCluster;
import io.streamstress.runner.infra.docker.DockerRun;
import io.streamstress.runner.job.JobJar;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;

/**
 * Starts the Flink cluster {@code --cluster} chose, alongside Kafka and Redis (it needs neither to start): the
 * embedded MiniCluster, the local session cluster's processes or containers, or the connection to a user's cluster.
 */
final class ClusterLauncher {

    private ClusterLauncher() {}

    /** @param docker the run's place on the Docker engine with {@code --infra docker}, else null */
    static ClusterStart begin(StressConfig config, RunDirectory dir, Console console, DockerRun docker) {
        boolean rocksDb = config.stateBackend() == StateBackendKind.ROCKSDB;
        switch (config.cluster().kind()) {
            case EMBEDDED:
                console.line("Starting Flink MiniCluster: %d TaskManager(s) × %d slot(s), alongside Kafka and Redis",
                        config.taskManagers(), config.slotsPerTaskManager());
                Configuration embedded = CheckpointSettings.retainOnCluster(PrometheusPorts.clusterConfiguration(config));
                return ClusterStart.begin(() -> MiniClusterHost.start(config.taskManagers(),
                        config.slotsPerTaskManager(), rocksDb, dir.tmp(), embedded));
            case LOCAL:
                console.line("Starting a local Flink session cluster: a JobManager and %d TaskManager JVM(s) × %d "
                        + "slot(s) + 1 spare, alongside Kafka and Redis (logs in %s)", config.taskManagers(),
                        config.slotsPerTaskManager(), dir.root().relativize(ClusterDirectory.of(dir).root()));
                Map<String, String> local = CheckpointSettings.retainOnCluster(
                        Configuration.fromMap(PrometheusPorts.localClusterConfiguration(config))).toMap();
                LocalClusterSettings settings = LocalClusterSettings.of(config.taskManagers(),
                        config.slotsPerTaskManager(), rocksDb, dir, local);
                return ClusterStart.begin(() -> LocalFlinkCluster.start(settings, ClusterProgress.to(console),
                        config.connectTimeout()));
            case DOCKER:
                console.line("Starting a Flink session cluster in containers (%s): a JobManager and %d TaskManager(s) × "
                        + "%d slot(s) + 1 spare, alongside Kafka and Redis (logs in %s)", config.infra().jreImage(),
                        config.taskManagers(), config.slotsPerTaskManager(),
                        dir.root().relativize(ClusterDirectory.of(dir).root()));
                LocalClusterSettings inContainers = LocalClusterSettings.of(config.taskManagers(),
                        config.slotsPerTaskManager(), rocksDb, dir,
                        CheckpointSettings.retainOnCluster(Configuration.fromMap(config.flinkConfig())).toMap());
                return ClusterStart.begin(() -> DockerFlinkCluster.start(docker, config.infra().jreImage(), inContainers,
                        ClusterProgress.to(console), config.connectTimeout()));
            case REMOTE:
                console.line("Connecting to the Flink session cluster at %s, alongside Kafka and Redis", config.cluster());
                return ClusterStart.begin(() -> RestFlinkCluster.connect(RestUrl.parse(config.cluster().toString()),
                        config.connectTimeout(), Optional.of(JobJar.locate(dir.root()))));
            default:
                return ClusterStart.begin(() -> {
                    throw new HarnessException("--cluster " + config.cluster() + " is not available in this build");
                });
        }
    }
}
