package io.streamstress.runner.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a child process to its end while sampling the peak resident set ({@code VmHWM} in
 * {@code /proc/PID/status}, a high-water mark the kernel keeps) of it and every process it starts, every
 * {@value #SAMPLE_MS} ms. The high-water mark only grows, so sampling misses at most the growth of a
 * process's last {@value #SAMPLE_MS} ms.
 */
final class ProcessRunner {

    static final long SAMPLE_MS = 100;

    private final Path logDir;
    private final Duration timeout;

    ProcessRunner(Path logDir, Duration timeout) {
        this.logDir = logDir;
        this.timeout = timeout;
    }

    /** Runs {@code command}; its output goes to {@code <logDir>/<name>.out} and {@code .err}. */
    ProcessRun run(String label, String name, List<String> command) throws IOException, InterruptedException {
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        Files.writeString(logDir.resolve(name + ".cmd"), String.join(" ", command) + "\n", StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        Map<Long, Long> peaks = new HashMap<>();
        long deadline = start + timeout.toNanos();
        try {
            while (!process.waitFor(SAMPLE_MS, TimeUnit.MILLISECONDS)) {
                sample(process.toHandle(), peaks);
                if (System.nanoTime() > deadline) {
                    throw new IOException(label + " did not finish within " + timeout.toMinutes() + " min; its output: " + out);
                }
            }
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        long peak = peaks.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long tree = peaks.values().stream().mapToLong(Long::longValue).sum();
        return new ProcessRun(process.exitValue(), wall, peak, tree, out, err);
    }

    private static void sample(ProcessHandle root, Map<Long, Long> peaks) {
        Stream.concat(Stream.of(root), root.descendants()).forEach(handle ->
                highWaterMarkKb(handle.pid()).ifPresent(kb -> peaks.merge(handle.pid(), kb, Math::max)));
    }

    /** The process's peak resident set in kB, when it is still there to ask. */
    static OptionalLong highWaterMarkKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Gone between listing and reading, or not Linux.
        }
        return OptionalLong.empty();
    }
}
