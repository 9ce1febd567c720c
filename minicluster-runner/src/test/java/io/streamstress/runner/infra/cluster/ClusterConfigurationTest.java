package io.streamstress.runner.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.runner.infra.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigurationTest {

    @TempDir
    Path tmp;

    @Test
    void configYamlReadsBackAsTheConfigurationItWasWrittenFrom() throws Exception {
        // Given the configuration of a cluster in a run directory whose path needs quoting in YAML
        RunDirectory run = RunDirectory.create(Optional.of(tmp.resolve("run: #1")));
        ClusterDirectory dir = ClusterDirectory.of(run).create();
        Configuration config = ClusterConfiguration.of(settings(run, Map.of()), dir, new ClusterPorts(40001, 40002));

        // When it is written to config.yaml and read back as Flink's entry points read it
        Path file = ConfigFile.write(config, dir.conf());
        Configuration read = ConfigFile.read(dir.conf());

        // Then Flink reads exactly what was written, from the file Flink 2.x looks for
        assertThat(file.getFileName()).as("file name").hasToString("config.yaml");
        assertThat(read.toMap()).as("config.yaml read back").isEqualTo(config.toMap());
        assertThat(Files.readAllLines(file)).as("lines").anyMatch(l -> l.startsWith("jobmanager.rpc.port: 40001"));
    }

    @Test
    void everyProcessBindsLoopbackAndTheJobManagerItsTwoPorts() throws Exception {
        // Given / When
        Configuration config = configuration(Map.of());

        // Then
        assertThat(config.get(JobManagerOptions.ADDRESS)).as("jobmanager.rpc.address").isEqualTo("127.0.0.1");
        assertThat(config.get(JobManagerOptions.BIND_HOST)).as("jobmanager.bind-host").isEqualTo("127.0.0.1");
        assertThat(config.get(RestOptions.ADDRESS)).as("rest.address").isEqualTo("127.0.0.1");
        assertThat(config.get(RestOptions.BIND_ADDRESS)).as("rest.bind-address").isEqualTo("127.0.0.1");
        assertThat(config.get(TaskManagerOptions.HOST)).as("taskmanager.host").isEqualTo("127.0.0.1");
        assertThat(config.get(TaskManagerOptions.BIND_HOST)).as("taskmanager.bind-host").isEqualTo("127.0.0.1");
        assertThat(config.get(JobManagerOptions.PORT)).as("jobmanager.rpc.port").isEqualTo(40001);
        assertThat(config.get(RestOptions.PORT)).as("rest.port").isEqualTo(40002);
        assertThat(config.get(RestOptions.BIND_PORT)).as("rest.bind-port").isEqualTo("40002");
        assertThat(config.get(TaskManagerOptions.RPC_PORT)).as("taskmanager.rpc.port").isEqualTo("0");
        assertThat(config.get(TaskManagerOptions.NUM_TASK_SLOTS)).as("slots").isEqualTo(2);
    }

    @Test
    void heartbeatsAndRestAnswersAreTunedForFastDetection() throws Exception {
        // Given / When
        Configuration config = configuration(Map.of());

        // Then a kill is found within about a second, a freeze within seconds, REST answers are fresh
        Duration killDetection = config.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL)
                .multipliedBy(config.get(HeartbeatManagerOptions.HEARTBEAT_RPC_FAILURE_THRESHOLD));
        assertThat(killDetection).as("interval × rpc failure threshold").isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(config.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT)).as("heartbeat.timeout")
                .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .isGreaterThanOrEqualTo(config.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL).multipliedBy(10));
        assertThat(config.get(WebOptions.REFRESH_INTERVAL)).as("web.refresh-interval").isEqualTo(Duration.ofMillis(200));
        assertThat(config.toMap()).as("flat configuration")
                .containsEntry("metrics.fetcher.update-interval", "1 s")
                .containsEntry("restart-strategy.type", "fixed-delay")
                .containsEntry("restart-strategy.fixed-delay.attempts", "100")
                .containsEntry("classloader.resolve-order", "parent-first");
    }

    @Test
    void checkpointsSavepointsAndTempFilesStayInTheRunDirectory() throws Exception {
        // Given
        RunDirectory run = RunDirectory.create(Optional.of(tmp.resolve("run")));

        // When
        ClusterDirectory dir = ClusterDirectory.of(run);
        Configuration config = ClusterConfiguration.of(settings(run, Map.of()), dir, new ClusterPorts(40001, 40002));

        // Then
        assertThat(config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).as("checkpoints")
                .isEqualTo(run.checkpoints().toUri().toString());
        assertThat(config.get(CheckpointingOptions.SAVEPOINT_DIRECTORY)).as("savepoints")
                .startsWith(run.root().toUri().toString());
        assertThat(config.get(CoreOptions.TMP_DIRS)).as("io.tmp.dirs").isEqualTo(dir.tmp().toString());
        assertThat(dir.root()).as("cluster directory").isEqualTo(run.root().resolve("flink-cluster"));
    }

    @Test
    void taskManagerJvmFlagsAreFlinksComputationFromTheSmallSizes() throws Exception {
        // Given the cluster's configuration (heap state backend)
        Configuration config = configuration(Map.of());

        // When Flink computes a TaskManager's flags from it
        FlinkJvmFlags flags = FlinkJvmFlags.taskManager(config);

        // Then heap = framework + task heap (96 MB), direct = framework + task off-heap + network (36 MB)
        assertThat(flags.jvmOptions()).as("JVM options").contains(
                "-Xmx" + MemorySize.parse("96m").getBytes(), "-Xms" + MemorySize.parse("96m").getBytes(),
                "-XX:MaxDirectMemorySize=" + MemorySize.parse("36m").getBytes(),
                "-XX:MaxMetaspaceSize=" + MemorySize.parse("128m").getBytes());
        assertThat(flags.maxHeapOption()).as("-Xmx").isEqualTo("-Xmx100663296");
        // And the dynamic properties pin every derived size, as taskmanager.sh passes them
        assertThat(flags.dynamicProperties()).as("dynamic properties")
                .contains("taskmanager.memory.task.heap.size=67108864b", "taskmanager.memory.network.max=4194304b",
                        "taskmanager.memory.managed.size=8388608b", "taskmanager.numberOfTaskSlots=2");
        assertThat(flags.dynamicProperties().get(0)).as("first word").isEqualTo("-D");
        // And the whole process is 300 MB
        assertThat(TaskExecutorProcessUtils.processSpecFromConfig(config).getTotalProcessMemorySize())
                .as("TaskManager process memory").isEqualTo(MemorySize.parse("300m"));
    }

    @Test
    void rocksDbGetsItsManagedMemory() throws Exception {
        // Given
        RunDirectory run = RunDirectory.create(Optional.of(tmp.resolve("run")));
        LocalClusterSettings rocksDb = new LocalClusterSettings(2, 2, 1, true, run, Map.of(),
                Duration.ofMinutes(1), 1, PortPicker.free());

        // When
        Configuration config = ClusterConfiguration.of(rocksDb, ClusterDirectory.of(run), new ClusterPorts(1, 2));

        // Then
        assertThat(config.get(TaskManagerOptions.MANAGED_MEMORY_SIZE)).as("managed").isEqualTo(MemorySize.parse("64m"));
        assertThat(TaskExecutorProcessUtils.processSpecFromConfig(config).getTotalProcessMemorySize())
                .as("TaskManager process memory").isEqualTo(MemorySize.parse("356m"));
    }

    @Test
    void jobManagerJvmFlagsAreFlinksComputation() throws Exception {
        // Given / When
        FlinkJvmFlags flags = FlinkJvmFlags.jobManager(configuration(Map.of()));

        // Then
        assertThat(flags.jvmOptions()).as("JVM options").contains("-Xmx" + MemorySize.parse("128m").getBytes(),
                "-XX:MaxMetaspaceSize=" + MemorySize.parse("192m").getBytes());
        assertThat(flags.dynamicProperties()).as("dynamic properties")
                .contains("jobmanager.memory.heap.size=134217728b");
    }

    @Test
    void theUsersConfigurationIsAppliedLastAndEntersTheComputedFlags() throws Exception {
        // Given a -D for the heartbeat timeout and one for the task heap
        Map<String, String> extra = Map.of("heartbeat.timeout", "10 s", "taskmanager.memory.task.heap.size", "128m");

        // When
        Configuration config = configuration(extra);

        // Then both override the cluster's own values, and Flink's flags follow
        assertThat(config.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT)).as("heartbeat.timeout")
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(FlinkJvmFlags.taskManager(config).maxHeapOption()).as("-Xmx")
                .isEqualTo("-Xmx" + MemorySize.parse("160m").getBytes());
    }

    private Configuration configuration(Map<String, String> extra) throws Exception {
        RunDirectory run = RunDirectory.create(Optional.of(tmp.resolve("run")));
        return ClusterConfiguration.of(settings(run, extra), ClusterDirectory.of(run), new ClusterPorts(40001, 40002));
    }

    private static LocalClusterSettings settings(RunDirectory run, Map<String, String> extra) {
        return LocalClusterSettings.of(2, 2, false, run, extra);
    }
}
