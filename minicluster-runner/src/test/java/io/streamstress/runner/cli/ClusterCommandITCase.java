package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar stress.jar cluster} as a user runs it: it prints the REST URL of a cluster that answers, and
 * however it ends, no JobManager or TaskManager JVM outlives it.
 */
class ClusterCommandITCase {

    private static final Duration START_PATIENCE = Duration.ofMinutes(3);
    /** The watchdogs kill at once; a few seconds cover a loaded machine. */
    private static final Duration GONE_PATIENCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    /** The command of a test, stopped afterwards whatever the test did (its cluster goes with it). */
    private JarProcess command;

    @AfterEach
    void killCommand() {
        if (command != null) {
            command.process().destroyForcibly();
        }
    }

    @Test
    void noFlinkProcessOutlivesTheCommandWhenItIsKilledWithSigkill() throws Exception {
        // Given the command running a cluster of 1 TaskManager + the spare
        command = startCluster();
        String restUrl = restUrl(command);
        assertThat(get(restUrl + "/taskmanagers")).as("REST /taskmanagers").contains("\"tm-0\"", "\"tm-1\"");
        List<ProcessHandle> flink = flinkJvms(command);
        assertThat(flink).as("JobManager and TaskManager JVMs").hasSize(3);

        // When the command's JVM is killed with SIGKILL (no shutdown hook runs)
        command.process().toHandle().destroyForcibly();
        command.waitFor(Duration.ofSeconds(30));

        // Then every Flink JVM is gone within seconds: the watchdogs saw their pipes close
        thenAllGone(flink);
    }

    @Test
    void aSigtermStopsEveryProcessAndDeletesTheRunDirectory() throws Exception {
        // Given
        command = startCluster();
        List<ProcessHandle> flink = flinkJvms(command);

        // When the command gets a SIGTERM (as Ctrl-C, its shutdown hook runs)
        command.process().toHandle().destroy();
        command.waitFor(Duration.ofSeconds(60));

        // Then it stopped the cluster, said so, and removed the run directory
        thenAllGone(flink);
        assertThat(command.out()).as("stdout").contains("Flink cluster stopped");
        assertThat(dir.resolve("run")).as("run directory").doesNotExist();
        assertThat(command.err()).as("stderr").isEmpty();
    }

    private JarProcess startCluster() throws Exception {
        JarProcess started = JarProcess.start(dir.resolve("command"), List.of(), "cluster", "--task-managers", "1",
                "--slots-per-task-manager", "1", "--run-dir", dir.resolve("run").toString());
        command = started;
        assertThat(started.awaitOutput("Ctrl-C stops every process", START_PATIENCE))
                .as("cluster up; stdout %s; stderr %s", started.out(), started.err()).isTrue();
        return started;
    }

    private static String restUrl(JarProcess command) throws Exception {
        return command.out().lines().filter(l -> l.startsWith(ClusterCommand.REST_URL_LINE))
                .map(l -> l.substring(ClusterCommand.REST_URL_LINE.length()).trim()).findFirst().orElseThrow();
    }

    /** The command's descendants that are JVMs of Flink's entry points (not their watchdogs, shells). */
    private static List<ProcessHandle> flinkJvms(JarProcess command) {
        return command.process().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> p.info().arguments().map(List::of).map(args -> args.contains(
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner") || args.contains(
                        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint")).orElse(false))
                .toList();
    }

    private static void thenAllGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + GONE_PATIENCE.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(processes).as("Flink JVMs alive " + GONE_PATIENCE.toSeconds() + " s later")
                .noneMatch(ProcessHandle::isAlive);
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
