package io.streamstress.runner.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.runner.infra.RunDirectory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One local cluster of 2 TaskManagers × 2 slots + 1 spare, real JVMs, taken through its faults in order: what it
 * registers, what it runs on, a kill, a freeze, and its close. Its first JobManager port candidate is a port this
 * test holds, so the start has to retry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalSessionClusterITCase {

    private static final Duration DETECTION_PATIENCE = Duration.ofSeconds(30);

    private ServerSocket held;
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private LocalSessionCluster cluster;

    @BeforeAll
    void startCluster(@TempDir Path tmp) throws Exception {
        // Given a port held by someone else, offered as the first candidate
        held = new ServerSocket(0, 50, InetAddress.getByName(LocalClusterSettings.HOST));
        AtomicBoolean first = new AtomicBoolean(true);
        PortPicker free = PortPicker.free();
        PortPicker heldFirst = host -> first.getAndSet(false) ? held.getLocalPort() : free.pick(host);
        RunDirectory run = RunDirectory.create(Optional.of(tmp.resolve("run")));

        cluster = LocalSessionCluster.start(LocalClusterSettings.of(2, 2, false, run, Map.of())
                .withPortPicker(heldFirst), progress::add);
        System.out.printf("local cluster up in %d ms%n", cluster.startupTime().toMillis());
    }

    @AfterAll
    void stop() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
        held.close();
    }

    @Test
    @Order(1)
    void restListsTheTaskManagersAndTheSpareWithTheirResourceIdsAndSlots() throws Exception {
        // When
        List<RegisteredTaskManager> registered = cluster.registeredTaskManagers().orElseThrow();

        // Then
        assertThat(registered).as("registered TaskManagers").extracting(RegisteredTaskManager::resourceId)
                .containsExactlyInAnyOrder("tm-0", "tm-1", "tm-2");
        assertThat(registered).as("slots each").extracting(RegisteredTaskManager::slots).containsOnly(2);
        assertThat(cluster.taskManagers()).as("processes").extracting(LocalTaskManager::resourceId)
                .containsExactly("tm-0", "tm-1", "tm-2");
        assertThat(cluster.restUrl()).as("REST URL").startsWith("http://127.0.0.1:");
        assertThat(progress).as("progress").anyMatch(l -> l.startsWith("Flink TaskManagers registered: tm-0, tm-1, tm-2"));
    }

    @Test
    @Order(2)
    void theJobManagerStartedAgainOnFreshPortsWhenItsFirstCandidateWasTaken() {
        assertThat(cluster.takenPorts()).as("taken ports").containsExactly(held.getLocalPort());
        assertThat(cluster.ports().rpc()).as("RPC port").isNotEqualTo(held.getLocalPort());
        assertThat(progress).as("progress").anyMatch(l -> l.contains("port " + held.getLocalPort() + " was taken"));
    }

    @Test
    @Order(3)
    void theJvmsRunOnTheFlagsFlinkComputedFromTheirConfiguration() throws Exception {
        // Given the flags Flink computes from the config.yaml the processes read
        Path conf = cluster.directory().conf();
        FlinkJvmFlags taskManager = FlinkJvmFlags.taskManager(ConfigFile.read(conf));
        FlinkJvmFlags jobManager = FlinkJvmFlags.jobManager(ConfigFile.read(conf));

        // When the processes' command lines are read
        for (LocalTaskManager tm : cluster.taskManagers()) {
            List<String> args = List.of(ProcState.commandLine(tm.pid()).split(" "));

            // Then each TaskManager runs on them, with its resource id, quiet, logging into its own file
            assertThat(args).as(tm.resourceId() + " command line")
                    .containsAll(taskManager.jvmOptions())
                    .contains("-Xmx100663296", "-XX:+UseParallelGC", "taskmanager.resource-id=" + tm.resourceId(),
                            "-Dlog.file=" + tm.log(), FlinkJvmCommand.TASK_MANAGER_MAIN);
        }
        assertThat(List.of(ProcState.commandLine(cluster.jobManagerPid()).split(" "))).as("JobManager command line")
                .containsAll(jobManager.jvmOptions())
                .contains("-Xmx134217728", FlinkJvmCommand.JOB_MANAGER_MAIN, "--configDir", conf.toString());
        assertThat(cluster.directory().jobManagerLog()).as("JobManager log").isNotEmptyFile();
        assertThat(cluster.directory().taskManagerLog(0)).as("tm-0 log").isNotEmptyFile();
    }

    @Test
    @Order(4)
    void aKilledTaskManagerIsGoneAtOnceAndANewSpareRegisters() throws Exception {
        // Given
        long pid = cluster.pid("tm-1");
        long killed = System.nanoTime();

        // When
        String spare = cluster.kill("tm-1");

        // Then its process is gone when kill returns, and it saw no SIGTERM (no shutdown of its own)
        assertThat(ProcState.of(pid)).as("tm-1 process").isEqualTo(ProcState.GONE);
        assertThat(Files.readString(cluster.directory().taskManagerLog(1))).as("tm-1 log")
                .doesNotContain("RECEIVED SIGNAL");
        assertThat(spare).as("new spare").isEqualTo("tm-3");
        // And the JobManager finds the loss by its heartbeats, and the spare registers
        Duration detected = awaitUnlisted("tm-1");
        cluster.awaitRegistered(DETECTION_PATIENCE);
        System.out.printf("killed TaskManager unlisted after %d ms, spare registered after %d ms%n",
                detected.toMillis(), Duration.ofNanos(System.nanoTime() - killed).toMillis());
        assertThat(registeredIds()).as("registered").containsExactlyInAnyOrder("tm-0", "tm-2", "tm-3");
        assertThat(detected).as("kill detection").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Order(5)
    void aFrozenTaskManagerIsStoppedUntilThawedAndThenRegistersAgain() throws Exception {
        // Given
        long pid = cluster.pid("tm-0");

        // When it is frozen
        cluster.freeze("tm-0");

        // Then Linux reports it stopped, the cluster says so, and the JobManager drops it by the heartbeat timeout
        assertThat(ProcState.of(pid)).as("tm-0 state frozen").isEqualTo('T');
        assertThat(cluster.taskManagers()).as("frozen flag").filteredOn(LocalTaskManager::frozen)
                .extracting(LocalTaskManager::resourceId).containsExactly("tm-0");
        Duration detected = awaitUnlisted("tm-0");
        System.out.printf("frozen TaskManager unlisted after %d ms%n", detected.toMillis());
        assertThat(detected).as("freeze detection")
                .isGreaterThanOrEqualTo(ClusterConfiguration.HEARTBEAT_TIMEOUT.minusSeconds(1));

        // When it is thawed
        cluster.thaw("tm-0");

        // Then it runs and registers again
        assertThat(ProcState.of(pid)).as("tm-0 state thawed").isNotEqualTo('T').isNotEqualTo(ProcState.GONE);
        cluster.awaitRegistered(DETECTION_PATIENCE);
        assertThat(registeredIds()).as("registered").contains("tm-0");
    }

    @Test
    @Order(6)
    void closeStopsEveryProcess() throws Exception {
        // Given
        List<Long> pids = new ArrayList<>(cluster.taskManagers().stream().map(LocalTaskManager::pid).toList());
        pids.add(cluster.jobManagerPid());
        cluster.freeze("tm-2");
        long closing = System.nanoTime();

        // When
        cluster.close();

        // Then every JVM is gone, the frozen one too
        System.out.printf("close took %d ms%n", Duration.ofNanos(System.nanoTime() - closing).toMillis());
        for (long pid : pids) {
            assertThat(ProcState.of(pid)).as("process " + pid).isEqualTo(ProcState.GONE);
        }
    }

    /** Waits until REST no longer lists {@code resourceId}; returns how long that took. */
    private Duration awaitUnlisted(String resourceId) throws Exception {
        long start = System.nanoTime();
        long deadline = start + DETECTION_PATIENCE.toNanos();
        while (registeredIds().contains(resourceId)) {
            assertThat(System.nanoTime()).as(resourceId + " still listed after " + DETECTION_PATIENCE).isLessThan(deadline);
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Set<String> registeredIds() throws InterruptedException {
        return cluster.registeredTaskManagers().orElseThrow().stream().map(RegisteredTaskManager::resourceId)
                .collect(Collectors.toSet());
    }
}
