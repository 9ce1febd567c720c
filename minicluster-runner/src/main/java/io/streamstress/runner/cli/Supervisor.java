package io.streamstress.runner.cli;

import io.streamstress.runner.chaos.KillRequest;
import io.streamstress.runner.infra.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a plan with a {@code process-kill} in one command: the work runs in a worker JVM; when the worker's
 * chaos director says the kill is due (after a checkpoint, at the planned time or progress), the supervisor
 * kills the worker with SIGKILL — no shutdown hook, no clean-up, as in a real crash — and starts a new
 * worker with {@code --resume} on the same run directory, which finishes the run and verifies it.
 */
final class Supervisor {

    private static final long POLL_MS = 20;

    private final List<String> args;
    private final Optional<Path> runDir;
    private final Console console;
    private final PrintStream out;
    private final PrintStream err;

    Supervisor(List<String> args, Optional<Path> runDir, PrintStream out, PrintStream err) {
        this.args = List.copyOf(args);
        this.runDir = runDir;
        this.console = new Console(out);
        this.out = out;
        this.err = err;
    }

    int run() throws IOException, InterruptedException {
        Path dir = runDir.isPresent() ? runDir.get().toAbsolutePath() : Files.createTempDirectory("streamstress-");
        Files.createDirectories(dir);
        KillRequest request = new KillRequest(dir.resolve(KillRequest.FILE));
        List<String> first = new ArrayList<>(args);
        if (runDir.isEmpty()) {
            first.add("--run-dir");
            first.add(dir.toString());
        }
        Map<String, String> properties = Map.of(KillRequest.PROPERTY, request.file().toString());
        WorkerJvm.Worker worker = WorkerJvm.start(first, properties, out, err);
        Thread stop = WorkerJvm.stopOnShutdown(worker);
        while (true) {
            if (!worker.process().isAlive()) {
                WorkerJvm.removeHook(stop);
                return worker.waitFor();
            }
            Optional<Integer> due = request.read();
            if (due.isEmpty()) {
                Thread.sleep(POLL_MS);
                continue;
            }
            long t0 = System.currentTimeMillis();
            worker.process().destroyForcibly();
            worker.waitFor();
            request.clear();
            console.line("  process-kill: worker JVM %d killed with SIGKILL; resuming the run from %s",
                    worker.process().pid(), dir);
            WorkerJvm.removeHook(stop);
            worker = WorkerJvm.start(List.of("--resume", dir.toString(), "--resumed-fault", due.get() + "@" + t0),
                    properties, out, err);
            stop = WorkerJvm.stopOnShutdown(worker);
        }
    }
}
