package io.streamstress.runner.cli;

import io.streamstress.checkpoints.StateBackendKind;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.RunDirectory;
import io.streamstress.runner.infra.cluster.ClusterProgress;
import io.streamstress.runner.infra.cluster.LocalClusterSettings;
import io.streamstress.runner.infra.cluster.LocalSessionCluster;
import io.streamstress.runner.infra.cluster.LocalTaskManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar stress.jar cluster}: the local Flink session cluster a run with real processes uses, in the
 * foreground, for a user to look at or submit to. It prints the REST URL and every process with its pid and
 * log, and stops everything on Ctrl-C (its shutdown hook); no process outlives it, however it dies.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {
            "Starts a local Flink session cluster of real JVMs on 127.0.0.1 (one JobManager, N TaskManagers with S "
                    + "slots each and one spare TaskManager), prints its REST URL and runs until Ctrl-C, which stops "
                    + "every process.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped by Ctrl-C",
            "1:the cluster did not start, or its JobManager exited",
            "2:usage error"})
public final class ClusterCommand implements Callable<Integer> {

    /** What {@code cluster} prints before the REST URL, one line of its own (scripts read it). */
    public static final String REST_URL_LINE = "Flink REST API: ";
    static final int DEFAULT_TASK_MANAGERS = 2;
    static final int DEFAULT_SLOTS_PER_TASK_MANAGER = 2;
    /** How often the foreground checks that the JobManager still runs. */
    private static final long WATCH_MILLIS = 500;

    @Spec
    CommandSpec spec;

    @Option(names = "--task-managers", defaultValue = "" + DEFAULT_TASK_MANAGERS, paramLabel = "N",
            description = "TaskManagers, besides the spare (default: ${DEFAULT-VALUE}).")
    int taskManagers;

    @Option(names = "--slots-per-task-manager", defaultValue = "" + DEFAULT_SLOTS_PER_TASK_MANAGER, paramLabel = "N",
            description = "Slots per TaskManager (default: ${DEFAULT-VALUE}).")
    int slotsPerTaskManager;

    @Option(names = "--state-backend", defaultValue = "hashmap", paramLabel = "hashmap|rocksdb",
            description = "Sizes the TaskManagers' managed memory for this state backend (default: ${DEFAULT-VALUE}).")
    String stateBackend;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Flink configuration for every process, applied last, e.g. -Dheartbeat.timeout=10s.")
    Map<String, String> flinkConfig = new LinkedHashMap<>();

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "Directory for the cluster's configuration, logs, checkpoints and temp files "
                    + "(default: a fresh temp dir).")
    Path runDir;

    @Option(names = "--keep", defaultValue = "false",
            description = "Keep the run directory after Ctrl-C (default: ${DEFAULT-VALUE}).")
    boolean keep;

    private final PrintStream out;
    private final PrintStream err;

    ClusterCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        StateBackendKind backend = usage("--state-backend", () -> StateBackendKind.parse(stateBackend));
        atLeastOne("--task-managers", taskManagers);
        atLeastOne("--slots-per-task-manager", slotsPerTaskManager);
        RunDirectory dir = RunDirectory.create(Optional.ofNullable(runDir));
        LocalClusterSettings settings = LocalClusterSettings.of(taskManagers, slotsPerTaskManager,
                backend == StateBackendKind.ROCKSDB, dir, flinkConfig);
        Console console = new Console(out);
        console.line("Local Flink session cluster: %d TaskManager(s) × %d slot(s) + %d spare, in %s", taskManagers,
                slotsPerTaskManager, settings.spareTaskManagers(), dir.root());
        AtomicReference<LocalSessionCluster> running = new AtomicReference<>();
        // Ctrl-C, SIGTERM, or the end of this method: stop the processes, then delete the directory (kept when
        // asked for, and when the cluster failed: its logs say why).
        AtomicBoolean failed = new AtomicBoolean();
        Thread stop = new Thread(() -> stop(running.get(), dir, console, keep || failed.get()), "streamstress-cluster-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        LocalSessionCluster cluster;
        try {
            cluster = LocalSessionCluster.start(settings, ClusterProgress.to(console));
        } catch (HarnessException e) {
            failed.set(true);
            err.println("stress.jar cluster: " + e.getMessage());
            err.println("stress.jar cluster: its files are kept in " + dir.root());
            return ExitCodes.HARNESS_ERROR;
        }
        running.set(cluster);
        console.line("%s%s", REST_URL_LINE, cluster.restUrl());
        console.line("  JobManager  pid %-8d %s", cluster.jobManagerPid(), cluster.directory().jobManagerLog());
        for (LocalTaskManager tm : cluster.taskManagers()) {
            console.line("  %-10s  pid %-8d %s", tm.resourceId(), tm.pid(), tm.log());
        }
        console.line("Up in %.1f s. Ctrl-C stops every process%s.", cluster.startupTime().toMillis() / 1000.0,
                keep ? "" : " and deletes " + dir.root());
        while (cluster.jobManagerAlive()) {
            Thread.sleep(WATCH_MILLIS);
        }
        failed.set(true);
        err.println("stress.jar cluster: the JobManager exited; its log: " + cluster.directory().jobManagerLog());
        return ExitCodes.HARNESS_ERROR;
    }

    private static void stop(LocalSessionCluster cluster, RunDirectory dir, Console console, boolean keep) {
        if (cluster != null) {
            long started = System.nanoTime();
            cluster.close();
            console.line("Flink cluster stopped (%.1f s)", (System.nanoTime() - started) / 1e9);
        }
        if (keep) {
            console.line("Run directory kept: %s", dir.root());
            return;
        }
        try {
            dir.delete();
        } catch (IOException e) {
            console.line("Could not delete %s (%s): rm -rf %s", dir.root(), e.getMessage(), dir.root());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1, was " + value);
        }
    }

    /** A parse or validation error as a usage error naming {@code option} (unless its message does). */
    private <T> T usage(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().startsWith("--") ? e.getMessage() : option + ": " + e.getMessage();
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
