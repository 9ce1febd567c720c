package io.streamstress.runner.infra.docker;

import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.cluster.ClusterConfiguration;
import io.streamstress.runner.infra.cluster.ClusterDirectory;
import io.streamstress.runner.infra.cluster.ClusterKind;
import io.streamstress.runner.infra.cluster.ClusterLogging;
import io.streamstress.runner.infra.cluster.ClusterPorts;
import io.streamstress.runner.infra.cluster.ClusterProgress;
import io.streamstress.runner.infra.cluster.ConfigFile;
import io.streamstress.runner.infra.cluster.FlinkJvmCommand;
import io.streamstress.runner.infra.cluster.FlinkJvmFlags;
import io.streamstress.runner.infra.cluster.LocalClusterSettings;
import io.streamstress.runner.infra.cluster.RegisteredTaskManager;
import io.streamstress.runner.infra.cluster.RestProbe;
import io.streamstress.runner.infra.cluster.TaskManagerChoice;
import io.streamstress.runner.infra.cluster.ThawOutcome;
import io.streamstress.runner.infra.cluster.rest.ClusterOverRest;
import io.streamstress.runner.infra.cluster.rest.RestFlinkCluster;
import io.streamstress.runner.infra.cluster.rest.RestUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * {@code --cluster docker}: a Flink standalone session cluster whose JobManager and TaskManagers each run in their
 * own container of the run's network ({@value #JOB_MANAGER_ALIAS}, {@code taskmanager-N}), from the JRE image and
 * this jar's own class path bound in (the same Flink, Kafka client and sink as the harness: no second build to keep
 * in step). The run directory is bound at its own path, so checkpoints, savepoints and every process's log are
 * where the local cluster keeps them. The JobManager's REST API is published on a loopback port, and jobs go to it
 * as to any session cluster ({@link RestFlinkCluster}); the job reads {@code kafka:9092} and counts in
 * {@code redis:6379} on the network.
 *
 * <p>What the harness does to TaskManagers here, it does to their containers: {@code docker kill} (SIGKILL to
 * every process in it), {@code docker stop} (SIGTERM), {@code docker pause} (the cgroup freezer) and a
 * disconnection from the run's network; a killed or stopped one is removed and a spare started in its place.
 */
public final class DockerFlinkCluster implements ClusterOverRest {

    static final String JOB_MANAGER_ALIAS = "jobmanager";
    static final int RPC_PORT = 6123;
    static final int REST_PORT = 8081;
    static final int TASK_MANAGER_RPC_PORT = 6122;
    static final int TASK_MANAGER_DATA_PORT = 6121;
    /** Every process of a container binds all its interfaces: the container's network is its own. */
    static final String ANY_ADDRESS = "0.0.0.0";
    /** How long a stopped TaskManager may run its shutdown before Docker kills it. */
    static final int STOP_GRACE_SECONDS = 10;
    private static final Duration POLL = Duration.ofMillis(100);

    private final DockerRun run;
    private final String image;
    private final LocalClusterSettings settings;
    private final ClusterDirectory dir;
    private final FlinkJvmFlags taskManagerFlags;
    private final String restUrl;
    private final RestProbe probe;
    private final Map<String, ServerContainer> taskManagers = new LinkedHashMap<>();
    private final Set<String> frozen = new HashSet<>();
    private ServerContainer jobManager;
    private RestFlinkCluster rest;
    private int nextIndex;
    private Duration startupTime = Duration.ZERO;

    private DockerFlinkCluster(DockerRun run, String image, LocalClusterSettings settings, ClusterDirectory dir,
            FlinkJvmFlags taskManagerFlags, int restHostPort) {
        this.run = run;
        this.image = image;
        this.settings = settings;
        this.dir = dir;
        this.taskManagerFlags = taskManagerFlags;
        this.restUrl = "http://" + ContainerPorts.LOOPBACK + ":" + restHostPort;
        this.probe = new RestProbe(restUrl);
    }

    /**
     * Starts the JobManager's container, then {@code settings.initialTaskManagers()} TaskManager containers, and
     * returns once every TaskManager registered; removes what it started when that fails.
     */
    public static DockerFlinkCluster start(DockerRun run, String image, LocalClusterSettings settings,
            ClusterProgress progress, Duration connectTimeout) throws HarnessException, InterruptedException {
        long started = System.nanoTime();
        ClusterDirectory dir = ClusterDirectory.of(settings.runDirectory());
        Configuration config = configuration(settings, dir);
        FlinkJvmFlags jobManagerFlags;
        FlinkJvmFlags taskManagerFlags;
        try {
            dir.create();
            ClusterLogging.writeConfig(dir.conf());
            ConfigFile.write(config, dir.conf());
            jobManagerFlags = FlinkJvmFlags.jobManager(config);
            taskManagerFlags = FlinkJvmFlags.taskManager(config);
        } catch (IOException e) {
            throw new HarnessException("could not write the Flink cluster's files into " + dir.root() + ": "
                    + e.getMessage(), e);
        } catch (IllegalConfigurationException e) {
            throw new HarnessException("the Flink cluster's memory configuration is invalid: " + e.getMessage(), e);
        }
        DockerFlinkCluster cluster = new DockerFlinkCluster(run, image, settings, dir, taskManagerFlags,
                ContainerPorts.freeLoopbackPort());
        try {
            cluster.startJobManager(jobManagerFlags, settings.startTimeout(), progress);
            long taskManagersStarted = System.nanoTime();
            for (int i = 0; i < settings.initialTaskManagers(); i++) {
                cluster.startTaskManager();
            }
            cluster.awaitRegistered(settings.startTimeout());
            progress.line(String.format(Locale.ROOT, "Flink TaskManager containers registered: %s (%d × %d slot(s) + %d "
                    + "spare) (%.1f s)", String.join(", ", cluster.taskManagers.keySet()), settings.taskManagers(),
                    settings.slotsPerTaskManager(), settings.spareTaskManagers(),
                    (System.nanoTime() - taskManagersStarted) / 1e9));
            cluster.rest = RestFlinkCluster.connect(RestUrl.parse(cluster.restUrl), connectTimeout, Optional.empty());
        } catch (HarnessException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        cluster.startupTime = Duration.ofNanos(System.nanoTime() - started);
        return cluster;
    }

    /**
     * The local cluster's configuration ({@link ClusterConfiguration}: memory, heartbeats, restart strategy,
     * directories in the run directory) on the network's names: the JobManager at {@value #JOB_MANAGER_ALIAS},
     * every process bound to all of its container's interfaces on fixed ports (each container has its own).
     */
    static Configuration configuration(LocalClusterSettings settings, ClusterDirectory dir) {
        Configuration config = ClusterConfiguration.of(settings, dir, new ClusterPorts(RPC_PORT, REST_PORT));
        config.set(JobManagerOptions.ADDRESS, JOB_MANAGER_ALIAS);
        config.set(JobManagerOptions.BIND_HOST, ANY_ADDRESS);
        config.set(RestOptions.ADDRESS, JOB_MANAGER_ALIAS);
        config.set(RestOptions.BIND_ADDRESS, ANY_ADDRESS);
        config.set(TaskManagerOptions.BIND_HOST, ANY_ADDRESS);
        config.set(TaskManagerOptions.RPC_PORT, Integer.toString(TASK_MANAGER_RPC_PORT));
        config.set(NettyShuffleEnvironmentOptions.DATA_PORT, TASK_MANAGER_DATA_PORT);
        config.addAll(Configuration.fromMap(settings.extraConfig()));
        return config;
    }

    private void startJobManager(FlinkJvmFlags flags, Duration timeout, ClusterProgress progress)
            throws HarnessException, InterruptedException {
        long started = System.nanoTime();
        List<String> command = FlinkJvmCommand.inContainer(FlinkJvmCommand.JOB_MANAGER_MAIN, flags, dir,
                dir.jobManagerLog(), List.of());
        GenericContainer<?> container = flinkContainer(command)
                .withCreateContainerCmdModifier(ContainerPorts.published(REST_PORT, portOf(restUrl)));
        jobManager = run.start("Flink JobManager", container, JOB_MANAGER_ALIAS, () -> awaitRest(timeout));
        progress.line(String.format(Locale.ROOT, "Flink JobManager container up: REST %s (%s:%d on the network) (%.1f s)",
                restUrl, JOB_MANAGER_ALIAS, REST_PORT, (System.nanoTime() - started) / 1e9));
    }

    private static int portOf(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    private void awaitRest(Duration timeout) throws HarnessException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!probe.answers()) {
            if (System.nanoTime() > deadline) {
                throw new HarnessException("the JobManager's REST API did not answer within " + timeout.toSeconds()
                        + " s" + logTail(dir.jobManagerLog()));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * A container of the JRE image running {@code command}: this JVM's class path bound read-only, the run
     * directory read-write, both at their own paths, working in the cluster's directory, as the run directory's
     * owner (the files it writes there stay the user's).
     */
    private GenericContainer<?> flinkContainer(List<String> command) throws HarnessException {
        Path runRoot = settings.runDirectory().root().toAbsolutePath();
        GenericContainer<?> container = ClasspathBinds.bound(new GenericContainer<>(DockerImageName.parse(image)),
                        FlinkJvmCommand.classpath())
                .withFileSystemBind(runRoot.toString(), runRoot.toString(), BindMode.READ_WRITE)
                .withWorkingDirectory(dir.root().toAbsolutePath().toString())
                .withEnv(FlinkJvmCommand.environment(dir))
                .withEnv("HOME", "/tmp")
                .withCommand(command.toArray(String[]::new));
        owner(runRoot).ifPresent(user -> container.withCreateContainerCmdModifier(cmd -> cmd.withUser(user)));
        return container;
    }

    /** {@code uid:gid} of {@code dir}'s owner, unless root (whom the containers run as anyway). */
    private static Optional<String> owner(Path dir) throws HarnessException {
        try {
            int uid = (Integer) Files.getAttribute(dir, "unix:uid");
            int gid = (Integer) Files.getAttribute(dir, "unix:gid");
            return uid == 0 ? Optional.empty() : Optional.of(uid + ":" + gid);
        } catch (IOException | UnsupportedOperationException e) {
            throw new HarnessException("could not read the owner of " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Starts the next TaskManager's container ({@code taskmanager-N}, resource id {@code tm-N}); it registers within seconds. */
    private synchronized String startTaskManager() throws HarnessException, InterruptedException {
        int index = nextIndex++;
        String resourceId = "tm-" + index;
        String alias = "taskmanager-" + index;
        List<String> command = FlinkJvmCommand.inContainer(FlinkJvmCommand.TASK_MANAGER_MAIN, taskManagerFlags, dir,
                dir.taskManagerLog(index), List.of(
                        "-D", TaskManagerOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + resourceId,
                        "-D", TaskManagerOptions.HOST.key() + "=" + alias));
        taskManagers.put(resourceId, run.start("Flink TaskManager " + resourceId, flinkContainer(command), alias, () -> { }));
        return resourceId;
    }

    /**
     * Waits until every TaskManager that is not frozen is registered with the JobManager with its slots.
     *
     * @throws HarnessException when a container exits meanwhile, or {@code timeout} passes
     */
    private void awaitRegistered(Duration timeout) throws HarnessException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> expected = new TreeSet<>();
            synchronized (this) {
                for (Map.Entry<String, ServerContainer> tm : taskManagers.entrySet()) {
                    if (!frozen.contains(tm.getKey())) {
                        expected.add(tm.getKey());
                    }
                }
            }
            Set<String> registered = probe.taskManagers().orElse(List.of()).stream().filter(RegisteredTaskManager::ready)
                    .map(RegisteredTaskManager::resourceId).collect(Collectors.toSet());
            if (registered.containsAll(expected)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                expected.removeAll(registered);
                throw new HarnessException("Flink TaskManager container(s) " + String.join(", ", expected)
                        + " did not register with the JobManager within " + timeout.toSeconds() + " s"
                        + logTail(dir.taskManagerLog(Integer.parseInt(expected.iterator().next().substring(3)))));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "; " + log + " ends: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "; no log at " + log;
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Docker session cluster at %s (%s), %d TaskManager container(s) × %d slot(s) "
                + "+ %d spare, up in %.1f s", restUrl, image, settings.taskManagers(), settings.slotsPerTaskManager(),
                settings.spareTaskManagers(), startupTime.toMillis() / 1000.0);
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.DOCKER;
    }

    @Override
    public RestFlinkCluster rest() {
        return rest;
    }

    @Override
    public TaskManagerControl taskManagersOf(JobID job) {
        return new TaskManagerControl() {
            @Override
            public String stopAndReplace(int ordinal) throws Exception {
                String target = busyTaskManager(job, ordinal);
                ServerContainer tm = container(target);
                tm.stop(STOP_GRACE_SECONDS);
                String spare = replaceGone(target, tm);
                return "TaskManager container " + target + " (hosting a running task; docker stop, SIGTERM; spare "
                        + spare + ")";
            }

            @Override
            public KilledTaskManager kill(int ordinal) throws Exception {
                String target = busyTaskManager(job, ordinal);
                ServerContainer tm = container(target);
                long at = System.currentTimeMillis();
                tm.kill();
                String spare = replaceGone(target, tm);
                return new KilledTaskManager(target, at, "TaskManager container " + target
                        + " (hosting a running task; docker kill; spare " + spare + ")");
            }

            @Override
            public FrozenTaskManager freeze(int ordinal) throws Exception {
                return held(job, ordinal, "frozen (docker pause, cgroup freezer)", "thawed (docker unpause)",
                        ServerContainer::pause, ServerContainer::unpause);
            }

            @Override
            public FrozenTaskManager cutOff(int ordinal) throws Exception {
                return held(job, ordinal, "cut from the run's Docker network", "connected again",
                        ServerContainer::disconnect, ServerContainer::connect);
            }
        };
    }

    /** What is done to a held TaskManager's container, and undone. */
    @FunctionalInterface
    private interface ContainerAction {
        void apply(ServerContainer container);
    }

    private TaskControlHold held(JobID job, int ordinal, String how, String undoing, ContainerAction hold,
            ContainerAction release) throws FaultNotInjectedException {
        String target = busyTaskManager(job, ordinal);
        ServerContainer tm = container(target);
        long at = System.currentTimeMillis();
        hold.apply(tm);
        synchronized (this) {
            frozen.add(target);
        }
        return new TaskControlHold(target, at, how, undoing, () -> {
            release.apply(tm);
            synchronized (this) {
                frozen.remove(target);
            }
            return ThawOutcome.await(this, probe::taskManagers, job, target);
        });
    }

    /** A TaskManager held (frozen or cut off) until {@link #thaw()}. */
    private record TaskControlHold(String resourceId, long frozenAtMillis, String how, String undoing, Release release)
            implements TaskManagerControl.FrozenTaskManager {

        @FunctionalInterface
        interface Release {
            String run() throws Exception;
        }

        @Override
        public String description() {
            return "TaskManager container " + resourceId + " (hosting a running task)";
        }

        @Override
        public String thaw() throws Exception {
            return release.run();
        }
    }

    private synchronized ServerContainer container(String resourceId) {
        ServerContainer tm = taskManagers.get(resourceId);
        if (tm == null) {
            throw new IllegalArgumentException("the Docker cluster runs no TaskManager " + resourceId);
        }
        return tm;
    }

    /** Removes a killed or stopped TaskManager's container and starts a spare in its place; returns the spare's id. */
    private String replaceGone(String resourceId, ServerContainer tm) throws HarnessException, InterruptedException {
        synchronized (this) {
            taskManagers.remove(resourceId);
            frozen.remove(resourceId);
        }
        run.remove(tm);
        return startTaskManager();
    }

    /** A TaskManager, neither frozen nor cut off, that hosts a running task of {@code job}: the {@code ordinal}-th of them. */
    private String busyTaskManager(JobID job, int ordinal) throws FaultNotInjectedException {
        List<String> live;
        synchronized (this) {
            live = taskManagers.keySet().stream().filter(id -> !frozen.contains(id)).toList();
        }
        return TaskManagerChoice.pick(live, rest.view(job).taskManagersRunningTasks(), ordinal).orElseThrow(
                () -> new FaultNotInjectedException("no TaskManager container hosts a running task of the job"));
    }

    /** Closes the REST client and removes the cluster's containers (the run's network stays with the run). */
    @Override
    public void close() {
        if (rest != null) {
            rest.close();
        }
        List<ServerContainer> all;
        synchronized (this) {
            all = new ArrayList<>(taskManagers.values());
            taskManagers.clear();
            frozen.clear();
        }
        if (jobManager != null) {
            all.add(jobManager);
        }
        all.forEach(run::remove);
    }
}
