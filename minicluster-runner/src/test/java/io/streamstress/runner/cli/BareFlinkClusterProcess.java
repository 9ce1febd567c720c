package io.streamstress.runner.cli;

import io.streamstress.runner.infra.cluster.rest.RestUrl;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@link BareFlinkCluster} in a child JVM whose class path is this test JVM's without the job's own classes and
 * what only the job jar brings (the streamstress modules, the Kafka connector, kafka-clients and its codecs,
 * Lettuce and Netty, Reactor, resilience4j, HdrHistogram) and without the broker's: what a Flink distribution
 * offers a job. A job runs on it only with a jar that carries the rest.
 */
final class BareFlinkClusterProcess implements AutoCloseable {

    /** Class path entries a Flink distribution does not have (matched against the entry's path). */
    static final List<String> NOT_IN_A_FLINK_DISTRIBUTION = List.of("/org/apache/kafka/", "/flink-connector-kafka/",
            "/io/lettuce/", "/io/netty/", "/io/projectreactor/", "/org/reactivestreams/", "/io/github/resilience4j/",
            "/org/hdrhistogram/", "/com/github/codemonstur/", "/redis/clients/", "/com/github/luben/",
            "/org/xerial/snappy/", "/at/yawk/lz4/", "/org/scala-lang/", "/com/yammer/", "/info/picocli/", "/io/streamstress/");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Process process;
    private final RestUrl url;

    private BareFlinkClusterProcess(Process process, RestUrl url) {
        this.process = process;
        this.url = url;
    }

    /** Starts the cluster; output goes to {@code dir/cluster-out.txt} and {@code dir/cluster-err.txt}. */
    static BareFlinkClusterProcess start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("tmp"));
        Path out = dir.resolve("cluster-out.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", bareClassPath(), BareFlinkCluster.class.getName(),
                dir.resolve("tmp").toString());
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("cluster-err.txt").toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Optional<String> ready = Files.readAllLines(out).stream()
                    .filter(line -> line.startsWith(BareFlinkCluster.READY)).findFirst();
            if (ready.isPresent()) {
                return new BareFlinkClusterProcess(process,
                        RestUrl.parse(ready.get().substring(BareFlinkCluster.READY.length())));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the bare Flink cluster did not start within " + START_TIMEOUT
                + ": see " + dir.resolve("cluster-err.txt"));
    }

    /** This JVM's class path without the job's classes and what only the job jar brings. */
    static String bareClassPath() {
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> keep(entry, testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean keep(String entry, Path testClasses) {
        Path path = Path.of(entry).toAbsolutePath();
        if (path.equals(testClasses)) {
            return true; // for BareFlinkCluster itself
        }
        String unix = path.toString().replace(File.separatorChar, '/');
        // The streamstress modules (target/classes or their jars) come with the job jar only.
        if (unix.contains("/target/") && !unix.contains("/.m2/")) {
            return false;
        }
        return NOT_IN_A_FLINK_DISTRIBUTION.stream().noneMatch(unix::contains);
    }

    RestUrl url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already gone.
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
