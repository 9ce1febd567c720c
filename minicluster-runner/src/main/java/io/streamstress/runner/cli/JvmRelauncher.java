package io.streamstress.runner.cli;

import io.streamstress.runner.infra.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the work in a child JVM with a bounded heap when the user gave the JVM no heap limit.
 *
 * <p>Without {@code -Xmx} the JVM may grow its heap to a quarter of the machine's memory and, being lazy
 * about collecting, it does: a 10 M run then peaks near 3 GB RSS where 1 GB of heap is plenty (and no
 * slower). {@code java -jar} cannot carry JVM flags, so the jar starts itself again with them. The child
 * holds a pipe from this process on its standard input and exits (running its clean-up) when the pipe
 * closes, so it never outlives this process, however this process dies.
 */
final class JvmRelauncher {

    /** Heap of the child JVM; give the JVM your own {@code -Xmx} to choose another. */
    static final String DEFAULT_HEAP = "1g";
    /** Set in the child, so that it does not relaunch itself again. */
    static final String CHILD_PROPERTY = "streamstress.child";

    private JvmRelauncher() {}

    /** The child's exit code when this JVM relaunched the work, empty when the work should run here. */
    static Optional<Integer> relaunchIfNeeded(String[] args) throws IOException, InterruptedException {
        if (Boolean.getBoolean(CHILD_PROPERTY)) {
            exitWhenParentGoes();
            return Optional.empty();
        }
        Optional<Path> jar = ownJar();
        if (jar.isEmpty() || heapChosenByUser()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + DEFAULT_HEAP);
        command.add("-D" + CHILD_PROPERTY + "=true");
        if (System.console() != null) {
            // The child's stdin is our pipe, so it cannot see the terminal itself.
            command.add("-D" + Terminal.PROPERTY + "=true");
        }
        command.add("-cp");
        command.add(jar.get().toString());
        command.add(StressMain.class.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Thread stopChild = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "streamstress-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopChild);
        return Optional.of(code);
    }

    private static boolean heapChosenByUser() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:MaxRAM"));
    }

    private static Optional<Path> ownJar() {
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

    /** In the child: when the parent's pipe on stdin closes, the parent is gone; exit (clean-up runs). */
    private static void exitWhenParentGoes() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // The parent writes nothing; reading only waits for the end of the pipe.
                }
            } catch (IOException e) {
                // A broken pipe means the same as its end.
            }
            System.err.println("stress.jar: the launching process ended or was interrupted; stopping and cleaning up");
            System.exit(ExitCodes.HARNESS_ERROR);
        }, "streamstress-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
