package io.streamstress.runner.cli;

import io.streamstress.runner.infra.JvmDefaults;
import io.streamstress.runner.infra.ProbeChoice;
import io.streamstress.runner.infra.Terminal;
import io.streamstress.runner.infra.docker.DockerEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the work in a child ("worker") JVM: with a bounded heap and the parallel collector when the user gave
 * no heap ({@link JvmDefaults}), and always when the run includes a process-kill (the parent then supervises:
 * kills and resumes the worker).
 *
 * <p>Without {@code -Xmx} the JVM may grow its heap to a quarter of the machine's memory and, being lazy
 * about collecting, it does: a 10 M run then peaks near 3 GB RSS where 768 MB of heap is plenty (and no
 * slower); see {@link JvmDefaults} for the options and why. {@code java -jar} cannot carry JVM flags, so
 * the jar starts itself again with them, with the options that keep this JDK from warning about native access
 * and {@code Unsafe} ({@link JvmDefaults#quietOptions()}) and with the user's {@code -Djava.io.tmpdir}, if
 * given (the run directory goes there), and {@code -Dstreamstress.probe} ({@link ProbeChoice}). The worker
 * holds a pipe from its parent on its standard input and exits (running its clean-up) when the pipe closes,
 * so it never outlives the parent, however the parent dies.
 */
final class WorkerJvm {

    /** Set in the worker, so that it does the work instead of starting another worker. */
    static final String WORKER_PROPERTY = "streamstress.worker";

    /** How long a stopping launcher waits for the worker's last output after the worker exited. */
    private static final long COPY_PATIENCE_MS = 5_000;

    private static volatile boolean parentGone;

    private WorkerJvm() {}

    /** Whether this worker is exiting because its parent went away (the run directory is then kept). */
    static boolean parentGone() {
        return parentGone;
    }

    static boolean isWorker() {
        return Boolean.getBoolean(WORKER_PROPERTY);
    }

    /** Whether a plain run should move to a worker JVM: started from the jar, with no heap limit chosen. */
    static boolean shouldRelaunch() {
        return runsFromJar() && heapFlags().isEmpty();
    }

    /** A running worker JVM whose output is copied to ours. */
    record Worker(Process process, Thread outCopier, Thread errCopier) {

        /** Waits for the worker to end and for its last output to be copied; returns its exit code. */
        int waitFor() throws InterruptedException {
            int code = process.waitFor();
            outCopier.join();
            errCopier.join();
            return code;
        }
    }

    /** Starts a worker with {@code args} and extra system properties; its output is copied to {@code out}/{@code err}. */
    static Worker start(List<String> args, Map<String, String> properties, PrintStream out, PrintStream err)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> heap = heapFlags();
        command.addAll(heap.isEmpty() ? JvmDefaults.heap() : heap);
        List<String> gc = gcFlags();
        command.addAll(gc.isEmpty() ? List.of(JvmDefaults.GC) : gc);
        List<String> quiet = quietFlags();
        command.addAll(quiet.isEmpty() ? JvmDefaults.quietOptions() : quiet);
        // A temp dir the user chose is where the run directory goes; a probe channel chosen goes along too.
        command.addAll(jvmOptions(
                a -> a.startsWith("-Djava.io.tmpdir=") || a.startsWith("-D" + ProbeChoice.PROPERTY + "=")));
        command.add("-D" + WORKER_PROPERTY + "=true");
        if (Terminal.isInteractive()) {
            // The worker's stdin is our pipe, so it cannot see the terminal itself.
            command.add("-D" + Terminal.PROPERTY + "=true");
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StressMain.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        DockerEngine.WORKER_ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
        Process process = builder.start();
        return new Worker(process, copier(process.getInputStream(), out), copier(process.getErrorStream(), err));
    }

    private static Thread copier(InputStream from, PrintStream to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // The worker is gone.
            }
        }, "streamstress-worker-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Runs one worker to its end and returns its exit code; stops it if this JVM is stopped. */
    static int runToEnd(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Worker worker = start(args, Map.of(), out, err);
        Thread stop = stopOnShutdown(worker);
        int code = worker.waitFor();
        removeHook(stop);
        return code;
    }

    /**
     * Removes a hook of {@link #stopOnShutdown}, unless this JVM is already stopping: the worker then ended
     * because the hook stopped it, and the hook, still running, waits for its last output.
     */
    static void removeHook(Thread stop) {
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C or SIGTERM: the hook has the last word.
        }
    }

    /**
     * Registers a hook that stops {@code worker} (SIGTERM: it runs its own hook, which keeps the run directory
     * and prints how to resume it) when this JVM is stopped, and waits for it and its last output: the user
     * sees our stderr, and what the worker says as it stops is printed there before this JVM exits.
     */
    static Thread stopOnShutdown(Worker worker) {
        Thread stop = new Thread(() -> {
            // SIGTERM through the handle: Process.destroy() would also close our ends of the worker's pipes,
            // and the worker would take its closed stdin for our death and its last words would be lost.
            worker.process().toHandle().destroy();
            try {
                if (worker.process().waitFor(60, TimeUnit.SECONDS)) {
                    worker.outCopier().join(COPY_PATIENCE_MS);
                    worker.errCopier().join(COPY_PATIENCE_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "streamstress-stop-worker");
        Runtime.getRuntime().addShutdownHook(stop);
        return stop;
    }

    private static List<String> heapFlags() {
        return jvmOptions(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:MaxRAM"));
    }

    /** The user's own choice about native access and {@code Unsafe}, if any (the worker then gets that instead). */
    private static List<String> quietFlags() {
        return jvmOptions(a -> a.startsWith("--enable-native-access") || a.startsWith("--sun-misc-unsafe-memory-access"));
    }

    private static List<String> gcFlags() {
        return jvmOptions(a -> a.matches("-XX:[+-]Use\\w*GC"));
    }

    /** The options this JVM was started with that {@code wanted} picks. */
    private static List<String> jvmOptions(Predicate<String> wanted) {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(wanted).toList();
    }

    private static boolean runsFromJar() {
        return runningJar().isPresent();
    }

    /** The jar this JVM runs the harness from, when it runs from one (not from a build's class directories). */
    static Optional<Path> runningJar() {
        try {
            var source = StressMain.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** In the worker: when the parent's pipe on stdin closes, the parent is gone; exit (clean-up runs). */
    static void exitWhenParentGoes() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // The parent writes nothing; reading only waits for the end of the pipe.
                }
            } catch (IOException e) {
                // A broken pipe means the same as its end.
            }
            parentGone = true;
            System.err.println("stress.jar: the launching process ended; stopping");
            System.exit(ExitCodes.HARNESS_ERROR);
        }, "streamstress-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
