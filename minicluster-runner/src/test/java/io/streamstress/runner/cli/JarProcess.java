package io.streamstress.runner.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code stress.jar} run as a user runs it, {@code java [options] -jar stress.jar ARGS}, in a child JVM whose
 * logging starts afresh (the in-process tests share one JVM whose logging is long initialised). Its stdout
 * and stderr go to files in a directory, readable while it runs.
 */
final class JarProcess {

    /** The jar the package phase built. */
    static final Path JAR = Path.of("target", "stress.jar");

    private final Process process;
    private final Path out;
    private final Path err;
    private final long started = System.nanoTime();

    private JarProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts the jar with the java of this JVM. */
    static JarProcess start(Path dir, List<String> jvmOptions, String... args) throws IOException {
        return start(javaOfThisJvm(), dir, jvmOptions, args);
    }

    /** Starts the jar with {@code java}; output into {@code dir/out.txt} and {@code dir/err.txt}. */
    static JarProcess start(String java, Path dir, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new JarProcess(process, out, err);
    }

    static String javaOfThisJvm() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    Process process() {
        return process;
    }

    /** Waits until stdout holds {@code text}; false when the process ended or {@code timeout} passed first. */
    boolean awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (out().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return out().contains(text);
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Waits for the end; returns the exit code. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("stress.jar did not end within " + timeout);
        }
        return process.exitValue();
    }

    /** Time since the start. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    List<String> errLines() throws IOException {
        return err().lines().toList();
    }
}
