package io.streamstress.runner.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDK the benchmark runs its contestants on ({@code bench.sh --java PATH}): its {@code java} and its version.
 *
 * @param java the {@code java} launcher
 * @param version its {@code java.version}, e.g. {@code 17.0.15} or {@code 25.0.1}
 */
public record Jdk(Path java, String version) {

    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern LAUNCHER_VERSION = Pattern.compile("version \"([^\"]+)\"");

    public Jdk {
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException(java + " is not an executable java");
        }
        if (version.isBlank()) {
            throw new IllegalArgumentException("the version of " + java + " is unknown");
        }
    }

    /** The JDK this JVM runs on. */
    public static Jdk current() {
        return new Jdk(Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.version"));
    }

    /**
     * The JDK at {@code path}: its home directory or its {@code java}. The version is read from the home's
     * {@code release} file, or else asked of {@code java -version}.
     *
     * @throws IllegalArgumentException when there is no {@code java} there, or it does not say its version
     */
    public static Jdk at(Path path) {
        Path java = Files.isDirectory(path) ? path.resolve("bin").resolve("java") : path;
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException(path + " is neither a JDK's home nor a java launcher");
        }
        Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
        try {
            if (Files.isRegularFile(release)) {
                Matcher matcher = RELEASE_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
                if (matcher.find()) {
                    return new Jdk(java, matcher.group(1));
                }
            }
            return new Jdk(java, askVersion(java));
        } catch (IOException e) {
            throw new IllegalArgumentException("could not read the version of " + java + ": " + e.getMessage(), e);
        }
    }

    private static String askVersion(Path java) throws IOException {
        Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(java + " -version did not answer within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Matcher matcher = LAUNCHER_VERSION.matcher(said);
        if (!matcher.find()) {
            throw new IOException(java + " -version said no version: " + said.strip());
        }
        return matcher.group(1);
    }

    /** The feature release, e.g. 17 or 25 (1 for a 1.8-style version string). */
    public int feature() {
        String first = version.split("[.+-]")[0];
        return Integer.parseInt(first);
    }

    @Override
    public String toString() {
        return "Java " + version + " (" + java + ")";
    }
}
