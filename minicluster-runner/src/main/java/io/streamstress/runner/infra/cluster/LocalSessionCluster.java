package io.streamstress.runner.infra.cluster;

import io.streamstress.runner.infra.HarnessException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * A Flink standalone session cluster of real JVMs on loopback: one JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and {@code taskManagers + spares} TaskManagers
 * ({@code TaskManagerRunner}), all from the harness's own {@code java} and classpath, their files in the run
 * directory's {@link ClusterDirectory flink-cluster/}. It owns the processes: it kills (SIGKILL), freezes
 * (SIGSTOP) and thaws (SIGCONT) TaskManagers, starts new ones, and stops everything on {@link #close()}; every
 * process runs under a {@link WatchedProcess watchdog}, so none outlives the harness, however it dies.
 *
 * <p>Jobs, their state and their failures are the REST client's business; this class knows processes and
 * which resource id ({@code tm-N}) each one registered with.
 */
public final class LocalSessionCluster implements AutoCloseable {

    /** How long a killed TaskManager may take to be gone (SIGKILL: milliseconds). */
    static final Duration KILL_PATIENCE = Duration.ofSeconds(10);
    /** How long {@link #close()} lets the JVMs run their shutdown (SIGTERM) before SIGKILL. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    private final LocalClusterSettings settings;
    private final ClusterDirectory dir;
    private final WatchedProcess jobManager;
    private final ClusterPorts ports;
    private final Configuration config;
    private final List<Integer> takenPorts;
    private final FlinkJvmFlags taskManagerFlags;
    private final RestProbe rest;
    /** The TaskManagers started and not killed, by resource id, in start order. */
    private final Map<String, TaskManagerProcess> taskManagers = new LinkedHashMap<>();
    private final Set<String> frozen = new HashSet<>();
    private int nextIndex;
    private Duration startupTime = Duration.ZERO;
    private boolean closed;

    private LocalSessionCluster(LocalClusterSettings settings, ClusterDirectory dir, JobManagerStart.Started started,
            FlinkJvmFlags taskManagerFlags) {
        this.settings = settings;
        this.dir = dir;
        this.jobManager = started.process();
        this.ports = started.ports();
        this.config = started.config();
        this.takenPorts = started.takenPorts();
        this.taskManagerFlags = taskManagerFlags;
        this.rest = new RestProbe(JobManagerStart.restUrl(ports));
    }

    /**
     * Starts the cluster and returns once the JobManager's REST API answers and every TaskManager registered.
     *
     * @throws HarnessException when a process exits at start or does not come up within
     *     {@link LocalClusterSettings#startTimeout()}; the message quotes the last lines of its log
     */
    public static LocalSessionCluster start(LocalClusterSettings settings, ClusterProgress progress)
            throws HarnessException, InterruptedException {
        long started = System.nanoTime();
        ClusterDirectory dir = ClusterDirectory.of(settings.runDirectory());
        try {
            dir.create();
            ClusterLogging.writeConfig(dir.conf());
        } catch (IOException e) {
            throw new HarnessException("could not create the Flink cluster's directory " + dir.root() + ": "
                    + e.getMessage(), e);
        }
        FlinkJvmFlags taskManagerFlags = taskManagerFlags(settings, dir);
        JobManagerStart.Started jobManager = JobManagerStart.run(settings, dir, progress);
        LocalSessionCluster cluster = new LocalSessionCluster(settings, dir, jobManager, taskManagerFlags);
        try {
            long taskManagersStarted = System.nanoTime();
            for (int i = 0; i < settings.initialTaskManagers(); i++) {
                cluster.startTaskManager();
            }
            cluster.awaitRegistered(settings.startTimeout());
            progress.line(String.format(Locale.ROOT, "Flink TaskManagers registered: %s (%d × %d slot(s) + %d spare) (%.1f s)",
                    String.join(", ", cluster.taskManagers.keySet()), settings.taskManagers(),
                    settings.slotsPerTaskManager(), settings.spareTaskManagers(),
                    (System.nanoTime() - taskManagersStarted) / 1e9));
        } catch (HarnessException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        cluster.startupTime = Duration.ofNanos(System.nanoTime() - started);
        return cluster;
    }

    /** The TaskManagers' flags, computed once: every TaskManager gets the same configuration. */
    private static FlinkJvmFlags taskManagerFlags(LocalClusterSettings settings, ClusterDirectory dir)
            throws HarnessException {
        try {
            // The ports do not enter the memory computation; any valid pair will do here.
            return FlinkJvmFlags.taskManager(ClusterConfiguration.of(settings, dir, new ClusterPorts(1, 2)));
        } catch (IllegalConfigurationException e) {
            throw new HarnessException("the TaskManagers' memory configuration is invalid: " + e.getMessage(), e);
        }
    }

    /** One line for the console, e.g. "local session cluster, 2 TaskManager(s) × 2 slot(s) + 1 spare, REST …". */
    public String describe() {
        return String.format(Locale.ROOT, "local session cluster, %d TaskManager(s) × %d slot(s) + %d spare, REST %s",
                settings.taskManagers(), settings.slotsPerTaskManager(), settings.spareTaskManagers(), restUrl());
    }

    /** What the cluster was started with. */
    public LocalClusterSettings settings() {
        return settings;
    }

    /** The JobManager's REST API, e.g. {@code http://127.0.0.1:40123}. */
    public String restUrl() {
        return JobManagerStart.restUrl(ports);
    }

    /**
     * A copy of the configuration every process runs on (what {@code config.yaml} holds): it has
     * {@code rest.address} and {@code rest.port}, as a {@code RestClusterClient} needs them.
     */
    public Configuration configuration() {
        return new Configuration(config);
    }

    /** The JobManager's RPC and REST ports. */
    public ClusterPorts ports() {
        return ports;
    }

    /** Port candidates the start found taken and retried past, in order; empty when the first ones bound. */
    public List<Integer> takenPorts() {
        return takenPorts;
    }

    /** Where the cluster's configuration, logs and temp files are. */
    public ClusterDirectory directory() {
        return dir;
    }

    /** From the start of {@link #start} until every TaskManager had registered. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The memory flags every TaskManager runs with, as Flink computed them. */
    public FlinkJvmFlags taskManagerFlags() {
        return taskManagerFlags;
    }

    public long jobManagerPid() {
        return jobManager.pid();
    }

    /** Whether the JobManager still runs. */
    public boolean jobManagerAlive() {
        return jobManager.alive();
    }

    /** The TaskManagers started and not killed (frozen ones too), in start order. */
    public synchronized List<LocalTaskManager> taskManagers() {
        return taskManagers.values().stream()
                .map(tm -> new LocalTaskManager(tm.resourceId(), tm.process().pid(), frozen.contains(tm.resourceId()),
                        tm.log()))
                .toList();
    }

    /**
     * The pid of the TaskManager with {@code resourceId}.
     *
     * @throws IllegalArgumentException when this cluster runs no such TaskManager (any more)
     */
    public synchronized long pid(String resourceId) {
        return require(resourceId).process().pid();
    }

    /** The TaskManagers the JobManager lists now; empty when it does not answer. */
    public Optional<List<RegisteredTaskManager>> registeredTaskManagers() throws InterruptedException {
        return rest.taskManagers();
    }

    /**
     * Starts one more TaskManager with the next resource id and returns the id at once; it registers within
     * seconds ({@link #awaitRegistered} waits for that).
     */
    public synchronized String startTaskManager() throws HarnessException {
        if (closed) {
            throw new IllegalStateException("the cluster is closed");
        }
        int index = nextIndex++;
        String resourceId = TaskManagerProcess.resourceId(index);
        List<String> command = FlinkJvmCommand.of(FlinkJvmCommand.TASK_MANAGER_MAIN, taskManagerFlags, dir,
                dir.taskManagerLog(index), List.of("-D", TaskManagerOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + resourceId));
        try {
            WatchedProcess process = FlinkJvmCommand.start(command, dir, dir.taskManagerOut(index));
            taskManagers.put(resourceId, new TaskManagerProcess(index, process, dir.taskManagerLog(index)));
        } catch (IOException e) {
            throw new HarnessException("could not start Flink TaskManager " + resourceId + ": " + e.getMessage(), e);
        }
        return resourceId;
    }

    /**
     * Kills the TaskManager with {@code resourceId} (SIGKILL: no shutdown, as a crash), waits until its process
     * is gone, and starts a new spare at once; returns the spare's resource id. The JobManager finds the loss
     * by its heartbeats ({@link ClusterConfiguration#HEARTBEAT_INTERVAL}).
     *
     * @throws IllegalArgumentException when this cluster runs no such TaskManager (any more)
     */
    public synchronized String kill(String resourceId) throws HarnessException, InterruptedException {
        TaskManagerProcess tm = require(resourceId);
        tm.process().kill();
        if (!tm.process().awaitExit(KILL_PATIENCE)) {
            throw new HarnessException("TaskManager " + resourceId + " (pid " + tm.process().pid()
                    + ") was still running " + KILL_PATIENCE.toSeconds() + " s after SIGKILL");
        }
        return replaceGone(tm);
    }

    /**
     * Stops the TaskManager with {@code resourceId} gracefully (SIGTERM: its shutdown hook closes it, it tells the
     * JobManager, its tasks fail at once, no heartbeat time-out), waits until its process is gone, and starts a new
     * spare; returns the spare's resource id.
     *
     * @throws IllegalArgumentException when this cluster runs no such TaskManager (any more)
     */
    public synchronized String stop(String resourceId) throws HarnessException, InterruptedException {
        TaskManagerProcess tm = require(resourceId);
        tm.process().terminate();
        if (!tm.process().awaitExit(KILL_PATIENCE)) {
            tm.process().kill();
            throw new HarnessException("TaskManager " + resourceId + " (pid " + tm.process().pid()
                    + ") was still running " + KILL_PATIENCE.toSeconds() + " s after SIGTERM: killed it");
        }
        return replaceGone(tm);
    }

    /** Forgets a TaskManager whose process is gone and starts a new spare in its place; returns the spare's id. */
    private String replaceGone(TaskManagerProcess tm) throws HarnessException {
        tm.process().close();
        taskManagers.remove(tm.resourceId());
        frozen.remove(tm.resourceId());
        return startTaskManager();
    }

    /**
     * Freezes the TaskManager with {@code resourceId} (SIGSTOP): its sockets stay open and nothing answers; the
     * JobManager finds it lost after {@link ClusterConfiguration#HEARTBEAT_TIMEOUT}. No spare is started: thawed,
     * it registers again and is one.
     */
    public synchronized void freeze(String resourceId) throws HarnessException, InterruptedException {
        signal(require(resourceId), "freeze", WatchedProcess::freeze);
        frozen.add(resourceId);
    }

    /** Thaws a frozen TaskManager (SIGCONT). */
    public synchronized void thaw(String resourceId) throws HarnessException, InterruptedException {
        signal(require(resourceId), "thaw", WatchedProcess::thaw);
        frozen.remove(resourceId);
    }

    /**
     * Waits until every TaskManager that is neither killed nor frozen is registered with the JobManager and its
     * slots are reported ({@link RegisteredTaskManager#ready()}).
     *
     * @throws HarnessException when the JobManager or a TaskManager exits meanwhile, or {@code timeout} passes
     */
    public void awaitRegistered(Duration timeout) throws HarnessException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> expected = new TreeSet<>();
            synchronized (this) {
                for (TaskManagerProcess tm : taskManagers.values()) {
                    if (!tm.process().alive()) {
                        throw new HarnessException("Flink TaskManager " + tm.resourceId() + " exited"
                                + LogFiles.tails(tm.files()));
                    }
                    if (!frozen.contains(tm.resourceId())) {
                        expected.add(tm.resourceId());
                    }
                }
            }
            if (!jobManager.alive()) {
                throw new HarnessException("the Flink JobManager exited"
                        + LogFiles.tails(List.of(dir.jobManagerLog(), dir.jobManagerOut())));
            }
            Set<String> registered = rest.taskManagers().orElse(List.of()).stream()
                    .filter(RegisteredTaskManager::ready)
                    .map(RegisteredTaskManager::resourceId).collect(Collectors.toSet());
            if (registered.containsAll(expected)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                expected.removeAll(registered);
                List<Path> logs = new ArrayList<>();
                synchronized (this) {
                    expected.stream().map(taskManagers::get).filter(Objects::nonNull).forEach(tm -> logs.addAll(tm.files()));
                }
                throw new HarnessException("Flink TaskManager(s) " + String.join(", ", expected)
                        + " did not register with the JobManager within " + timeout.toSeconds() + " s"
                        + LogFiles.tails(logs));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Stops every process: thaws the frozen ones, sends SIGTERM to all, gives them {@link #CLOSE_GRACE} to shut
     * down, and has the watchdogs kill what still runs. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String id : frozen) {
            try {
                taskManagers.get(id).process().thaw();
            } catch (IOException | RuntimeException e) {
                // It may have died meanwhile; SIGKILL below ends it either way.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        frozen.clear();
        List<WatchedProcess> all = new ArrayList<>();
        taskManagers.values().forEach(tm -> all.add(tm.process()));
        all.add(jobManager);
        all.forEach(WatchedProcess::terminate);
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        for (WatchedProcess process : all) {
            try {
                process.awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        all.forEach(WatchedProcess::close);
        taskManagers.clear();
    }

    private TaskManagerProcess require(String resourceId) {
        TaskManagerProcess tm = taskManagers.get(resourceId);
        if (tm == null) {
            throw new IllegalArgumentException("the local cluster runs no TaskManager " + resourceId + " (it runs "
                    + String.join(", ", taskManagers.keySet()) + ")");
        }
        return tm;
    }

    /** A signal sent to a process. */
    @FunctionalInterface
    private interface Signal {
        void send(WatchedProcess process) throws IOException, InterruptedException;
    }

    private static void signal(TaskManagerProcess tm, String what, Signal signal)
            throws HarnessException, InterruptedException {
        try {
            signal.send(tm.process());
        } catch (IOException e) {
            throw new HarnessException("could not " + what + " TaskManager " + tm.resourceId() + ": " + e.getMessage(), e);
        }
    }
}
