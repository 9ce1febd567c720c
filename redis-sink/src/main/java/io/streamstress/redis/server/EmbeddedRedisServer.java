package io.streamstress.redis.server;

import io.streamstress.redis.client.RedisConnections;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis server as a child process, bound to loopback, with a password and AOF on.
 *
 * <p>Redis is started through a tiny shell watchdog that holds a pipe from this JVM on its standard input:
 * when the JVM goes away, however it dies (even {@code kill -9}), the pipe closes and the watchdog stops
 * Redis. No redis-server outlives the process that started it.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PORT_FREE_TIMEOUT = Duration.ofSeconds(20);
    private static final String LOG_FILE = "redis.log";
    /** What a start's log may hold: a few dozen lines, far below this. */
    private static final int MAX_LOG_READ = 64 * 1024;

    /**
     * $0 = redis-server binary, $1 = config file. Prints Redis's pid, then waits for stdin to close. It ignores
     * hangup and interrupt: a closed terminal or Ctrl-C reaches the whole process group, and Redis itself ignores
     * SIGHUP, so a watchdog dying of it would leave Redis running; the JVM's pipe closing is what stops it.
     */
    private static final String WATCHDOG =
            "trap '' HUP INT; \"$0\" \"$1\" </dev/null >/dev/null 2>&1 & pid=$!; echo \"$pid\"; "
                    + "cat >/dev/null; kill -TERM \"$pid\" 2>/dev/null; "
                    + "i=0; while kill -0 \"$pid\" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; "
                    + "kill -KILL \"$pid\" 2>/dev/null; wait \"$pid\" 2>/dev/null";

    private final List<Integer> takenPorts = new ArrayList<>();
    private RedisServerSettings settings;
    private Process watchdog;
    private long pid;

    public EmbeddedRedisServer(RedisServerSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts Redis and returns once it answers an authenticated PING. Asked for a free port (0), a start whose
     * candidate was taken by the time redis-server bound it (another process, or a server starting alongside,
     * took it since it was chosen) launches Redis again on a fresh candidate, up to
     * {@link RedisServerSettings#bindAttempts()} times. A fixed port (a restart, a resume) is first waited
     * for, in case a Redis of a killed JVM still holds it, and gets one attempt.
     *
     * @throws PortTakenException when the port (the fixed one, or the last candidate) is taken
     */
    public synchronized void start() throws IOException, InterruptedException {
        if (watchdog != null) {
            return;
        }
        Files.createDirectories(settings.dataDir());
        Path binary = RedisBinary.locate(settings.dataDir());
        if (settings.port() != 0) {
            awaitPortFree();
            launch(binary);
            return;
        }
        RedisServerSettings requested = settings;
        takenPorts.clear();
        for (int attempt = 1; watchdog == null; attempt++) {
            settings = requested.withPort(requested.portPicker().pick(requested.host()));
            try {
                launch(binary);
            } catch (PortTakenException e) {
                if (attempt >= requested.bindAttempts()) {
                    settings = requested;
                    throw e;
                }
                takenPorts.add(e.port());
                LOG.warn("Redis: port {} on {} was taken by the time redis-server bound it (attempt {} of {}): "
                        + "retrying on a fresh port", e.port(), requested.host(), attempt, requested.bindAttempts());
            } catch (IOException | RuntimeException e) {
                settings = requested;
                throw e;
            }
        }
    }

    /** The ports the last {@link #start()} found taken and retried past, in order; empty when the first bound. */
    public synchronized List<Integer> takenPorts() {
        return List.copyOf(takenPorts);
    }

    /** Launches redis-server on the port of {@link #settings} and waits until it answers. */
    private void launch(Path binary) throws IOException, InterruptedException {
        Path config = writeConfig();
        Path log = settings.dataDir().toAbsolutePath().resolve(LOG_FILE);
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        watchdog = new ProcessBuilder("/bin/sh", "-c", WATCHDOG, binary.toString(), config.toString())
                .redirectErrorStream(true)
                .start();
        String pidLine = new BufferedReader(new InputStreamReader(watchdog.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        if (pidLine == null) {
            stop();
            throw new IOException("redis-server did not start (" + binary + ")");
        }
        pid = Long.parseLong(pidLine.trim());
        try {
            awaitReady(log, logStart);
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("Redis {} up on {}:{} (pid {}, data in {})", binary, settings.host(), settings.port(), pid, settings.dataDir());
    }

    /** {@code redis://:password@host:port}, for clients. */
    public String uri() {
        return "redis://:" + settings.password() + "@" + settings.host() + ":" + settings.port();
    }

    /** The redis-server process id (for faults such as SIGSTOP). */
    public long pid() {
        return pid;
    }

    public int port() {
        return settings.port();
    }

    /** The settings in force: after the first {@link #start()}, with the port it chose. */
    public synchronized RedisServerSettings settings() {
        return settings;
    }

    /** Stops Redis (it writes its AOF) and waits for it; the data dir stays for a later {@link #start()}. */
    public synchronized void stop() {
        if (watchdog == null) {
            return;
        }
        Process stopping = watchdog;
        watchdog = null;
        try {
            stopping.getOutputStream().close();
            if (!stopping.waitFor(10, TimeUnit.SECONDS)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                stopping.destroyForcibly();
            }
        } catch (IOException e) {
            stopping.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            stopping.destroyForcibly();
        }
        LOG.info("Redis on port {} stopped", settings.port());
    }

    @Override
    public void close() {
        stop();
    }

    /** Freezes Redis with SIGSTOP: connections stay open, commands hang until {@link #resume()}. */
    public synchronized void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Thaws a paused Redis with SIGCONT. */
    public synchronized void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /**
     * Kills Redis with SIGKILL, as a crash would (no shutdown, no final AOF rewrite); {@link #start()} then
     * starts it again on the same port, password and AOF.
     */
    public synchronized void crash() throws IOException, InterruptedException {
        if (watchdog == null) {
            return;
        }
        signal("KILL");
        Process orphaned = watchdog;
        watchdog = null;
        orphaned.getOutputStream().close();
        orphaned.waitFor(10, TimeUnit.SECONDS);
        LOG.info("Redis on port {} killed (pid {})", settings.port(), pid);
    }

    private void signal(String signal) throws IOException, InterruptedException {
        if (watchdog == null) {
            throw new IllegalStateException("Redis is not running");
        }
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
        if (exit != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed with exit code " + exit);
        }
    }

    private Path writeConfig() throws IOException {
        Path dir = settings.dataDir().toAbsolutePath();
        List<String> lines = new ArrayList<>(List.of(
                "bind " + settings.host(),
                "port " + settings.port(),
                "protected-mode yes",
                "requirepass \"" + settings.password() + "\"",
                "dir \"" + dir + "\"",
                "logfile \"" + dir.resolve(LOG_FILE) + "\"",
                "daemonize no",
                "save \"\"",
                "appendonly yes",
                "appendfilename \"streamstress.aof\"",
                "appendfsync " + (settings.appendFsyncAlways() ? "always" : "everysec")));
        lines.addAll(settings.extraConfig());
        String config = String.join("\n", lines) + "\n";
        Path file = dir.resolve("redis.conf");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Waits for an authenticated PING, reading what Redis logs at this start (from {@code logStart} on): a line
     * saying its port is taken ends the wait with a {@link PortTakenException}.
     */
    private void awaitReady(Path log, long logStart) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            OptionalInt taken = BindFailure.takenPort(logSince(log, logStart));
            if (taken.isPresent()) {
                throw new PortTakenException(taken.getAsInt(), "redis-server could not listen on " + settings.host()
                        + ":" + taken.getAsInt() + ": the address is already in use");
            }
            if (!watchdog.isAlive() || ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                throw new IOException("redis-server exited at start; see " + log);
            }
            try (RedisConnections redis = RedisConnections.open(uri(), Duration.ofSeconds(2))) {
                if ("PONG".equals(redis.commands().ping())) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new IOException("redis-server did not answer within " + READY_TIMEOUT.toSeconds() + " s"
                + (last != null ? ": " + last.getMessage() : ""));
    }

    /** What Redis appended to its log since {@code offset} (nothing when there is no log yet). */
    private static String logSince(Path log, long offset) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            long size = channel.size();
            if (size <= offset) {
                return "";
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(size - offset, MAX_LOG_READ));
            channel.position(offset);
            while (bytes.hasRemaining() && channel.read(bytes) > 0) {
                // reads until full or at the end
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException notYet) {
            return "";
        }
    }

    /** A Redis left by a JVM that was killed stops when its watchdog sees the pipe close; wait for its port. */
    private void awaitPortFree() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PORT_FREE_TIMEOUT.toNanos();
        while (true) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()));
                return;
            } catch (IOException busy) {
                if (System.nanoTime() > deadline) {
                    throw new PortTakenException(settings.port(), "port " + settings.port() + " is still in use after "
                            + PORT_FREE_TIMEOUT.toSeconds() + " s: is another Redis running on it?");
                }
                Thread.sleep(100);
            }
        }
    }
}
