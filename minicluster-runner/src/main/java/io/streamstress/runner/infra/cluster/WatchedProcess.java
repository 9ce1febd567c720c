package io.streamstress.runner.infra.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process started through a tiny shell watchdog that holds a pipe from this JVM on its standard input: when
 * this JVM goes away, however it dies (even {@code kill -9}), the pipe closes and the watchdog kills the process
 * with SIGKILL. The watchdog, not the process, does the killing: a frozen (SIGSTOPped) JVM could not react to
 * anything, but SIGKILL ends a stopped process too. No process outlives the JVM that started it.
 *
 * <p>The process's stdout and stderr go to a file (a JVM's own complaints, e.g. about an option, land there).
 * Signals go to the process itself, by pid: SIGKILL and SIGTERM through {@link ProcessHandle} (which checks the
 * process's start time, so a reused pid is never hit; {@code destroyForcibly} is SIGKILL on Linux and macOS),
 * SIGSTOP and SIGCONT through {@code kill}.
 */
public final class WatchedProcess implements AutoCloseable {

    /**
     * $0 = a name, $1 = the output file, the rest = the command. Prints the process's pid, then waits for stdin
     * to close. It ignores hangup and interrupt, and so does the process (ignored signals stay ignored across
     * exec; a background job of a non-interactive shell ignores SIGINT anyway, and the JVM keeps an ignored
     * SIGINT ignored): Ctrl-C and a closed terminal reach the whole process group, and it is the harness that
     * decides what stops, through its shutdown hook or this pipe.
     */
    static final String WATCHDOG = "trap '' HUP INT; out=\"$1\"; shift; \"$@\" </dev/null >>\"$out\" 2>&1 & "
            + "pid=$!; echo \"$pid\"; cat >/dev/null; kill -KILL \"$pid\" 2>/dev/null; wait \"$pid\" 2>/dev/null";

    /** How long a closing watchdog may take to kill its process and exit. */
    private static final Duration WATCHDOG_EXIT = Duration.ofSeconds(10);
    private static final Duration EXIT_POLL = Duration.ofMillis(20);
    /** How long a signalled process may take to change state (microseconds, unless the machine is loaded). */
    private static final Duration STATE_PATIENCE = Duration.ofSeconds(5);

    private final Process watchdog;
    private final long pid;
    private final Optional<ProcessHandle> handle;
    private final Path output;

    private WatchedProcess(Process watchdog, long pid, Optional<ProcessHandle> handle, Path output) {
        this.watchdog = watchdog;
        this.pid = pid;
        this.handle = handle;
        this.output = output;
    }

    /** Starts {@code command} under a watchdog, its stdout and stderr appended to {@code output}. */
    public static WatchedProcess start(List<String> command, Path output) throws IOException {
        return start(command, output, Path.of("").toAbsolutePath(), Map.of());
    }

    /**
     * Starts {@code command} under a watchdog in {@code workingDirectory}, with {@code environment} added to this
     * JVM's, its stdout and stderr appended to {@code output}.
     */
    public static WatchedProcess start(List<String> command, Path output, Path workingDirectory,
            Map<String, String> environment) throws IOException {
        List<String> shell = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "streamstress-watchdog",
                output.toAbsolutePath().toString()));
        shell.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(shell).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process watchdog = builder.start();
        String pidLine = new BufferedReader(new InputStreamReader(watchdog.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        if (pidLine == null) {
            watchdog.destroyForcibly();
            throw new IOException("could not start " + command.get(0) + " under its watchdog");
        }
        long pid = Long.parseLong(pidLine.trim());
        return new WatchedProcess(watchdog, pid, ProcessHandle.of(pid), output);
    }

    public long pid() {
        return pid;
    }

    /** The file the process's stdout and stderr go to. */
    public Path output() {
        return output;
    }

    /** Whether the process still runs (a frozen one does). */
    public boolean alive() {
        return handle.map(ProcessHandle::isAlive).orElse(false);
    }

    /** SIGKILL: the process ends at once, with no shutdown of its own. */
    public void kill() {
        handle.ifPresent(ProcessHandle::destroyForcibly);
    }

    /** SIGTERM: the process runs its shutdown hooks (a frozen one only once it is thawed). */
    public void terminate() {
        handle.ifPresent(ProcessHandle::destroy);
    }

    /**
     * SIGSTOP: the process freezes; its sockets stay open and nothing answers on them. A signal takes effect
     * asynchronously: this returns once Linux reports the process stopped (where there is a {@code /proc}).
     */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
        long deadline = System.nanoTime() + STATE_PATIENCE.toNanos();
        char state;
        while ((state = ProcState.of(pid)) != ProcState.STOPPED && state != ProcState.UNKNOWN) {
            if (state == ProcState.GONE || System.nanoTime() > deadline) {
                throw new IOException("process " + pid + " did not stop on SIGSTOP (state " + state + ")");
            }
            Thread.sleep(EXIT_POLL.toMillis());
        }
    }

    /** SIGCONT: a frozen process runs on; returns once Linux no longer reports it stopped. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
        long deadline = System.nanoTime() + STATE_PATIENCE.toNanos();
        while (ProcState.of(pid) == ProcState.STOPPED && System.nanoTime() < deadline) {
            Thread.sleep(EXIT_POLL.toMillis());
        }
    }

    /**
     * Waits up to {@code timeout} for the process to end; true when it has. Polls: the process is the watchdog's
     * child, not this JVM's, and {@link ProcessHandle#onExit()} polls a non-child at growing intervals.
     */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(EXIT_POLL.toMillis());
        }
        return true;
    }

    /**
     * Closes the watchdog's pipe: the watchdog kills the process (if it still runs) with SIGKILL and exits.
     * Waits for that, up to {@link #WATCHDOG_EXIT}.
     */
    @Override
    public void close() {
        try {
            watchdog.getOutputStream().close();
            if (!watchdog.waitFor(WATCHDOG_EXIT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                watchdog.destroyForcibly();
            }
        } catch (IOException e) {
            kill();
            watchdog.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            watchdog.destroyForcibly();
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        if (!alive()) {
            throw new IOException("process " + pid + " is not running");
        }
        Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " \"$1\"", "kill", Long.toString(pid))
                .redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = kill.waitFor();
        if (exit != 0) {
            throw new IOException("kill -s " + signal + " " + pid + " failed (exit code " + exit + "): " + said);
        }
    }
}
