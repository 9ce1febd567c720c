package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.runner.infra.RunDirectory;
import io.streamstress.runner.infra.cluster.ClusterProgress;
import io.streamstress.runner.infra.cluster.LocalClusterSettings;
import io.streamstress.runner.infra.cluster.LocalSessionCluster;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same job, chaos and verification on real Flink processes: a local session cluster of JobManager and
 * TaskManager JVMs ({@code --cluster local}) that takes real process faults, and a session cluster the test
 * started itself, reached by its REST URL ({@code --cluster URL}).
 */
class LocalClusterITCase {

    /** 3 TaskManagers × 2 slots (+1 spare) for 6 partitions: every slot of the job's TaskManagers is busy. */
    private static final String[] LOCAL = {"--cluster", "local", "--task-managers", "3", "--slots-per-task-manager",
        "2", "--partitions", "6", "--max-time", "4m"};

    @TempDir
    Path tmp;

    @Test
    void aKilledAndAFrozenTaskManagerLeaveTheCountExactWithTheirClocksRecorded() {
        // Given 300,000 messages produced at 15,000 msg/s into 6 partitions, read by a local cluster's processes
        // When a TaskManager hosting a task is killed (SIGKILL) at 30 % committed and another frozen (SIGSTOP) for
        // 6 s, beyond the 4 s heartbeat time-out, at 60 %
        CommandResult result = CommandResult.run(CommandResult.with(LOCAL, "--messages", "300000", "--rate", "15000",
                "--chaos", "taskmanager-kill@30%,taskmanager-freeze@60%", "--stall", "6s",
                "--report-dir", tmp.resolve("report").toString()));

        // Then the count is exact and both faults were detected by Flink, failed over and recovered from
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("verdict")
                .startsWith("VERDICT PASS produced=300000 committed=300000 lost=0 duplicated=0 seconds=");
        assertThat(result.out()).as("both faults injected on TaskManager processes")
                .contains("2 injected of 2 planned")
                .containsPattern("TaskManager tm-\\d+ \\(pid \\d+, hosting a running task; spare tm-\\d+\\) killed \\(SIGKILL\\)")
                .containsPattern("TaskManager tm-\\d+ \\(pid \\d+, hosting a running task\\) frozen \\(SIGSTOP\\) for 6\\.0 s");
        assertThat(result.out()).as("detection and recovery clocks of each")
                .containsPattern(" 1 taskmanager-kill@30% +detected \\+\\d+\\.\\d\\ds recovery \\d+\\.\\d\\d s +T1 \\+\\d+\\.\\d\\ds +T2 \\+")
                .containsPattern(" 2 taskmanager-freeze@60% +detected \\+[3-9]\\.\\d\\ds recovery \\d+\\.\\d\\d s +T1 \\+\\d+\\.\\d\\ds +T2 \\+")
                .contains("Flink declared the frozen TaskManager lost");
    }

    @Test
    void anAtLeastOnceSinkIsCaughtDoubleCountingAfterAKilledTaskManager() {
        // Given the at-least-once negative control on a local cluster, fed at 10,000 msg/s for 30 s
        // When a task throws past a checkpoint barrier (the arm crosses processes through the Redis probe), then a
        // TaskManager hosting a task is killed
        CommandResult result = CommandResult.run("--cluster", "local", "--task-managers", "2",
                "--slots-per-task-manager", "1", "--partitions", "2", "--messages", "300000", "--rate", "10000",
                "--delivery", "at-least-once", "--chaos", "task-exception,taskmanager-kill", "--max-time", "4m",
                "--report-dir", tmp.resolve("report").toString());

        // Then the verification finds the replayed records counted twice, and the run fails with exit 3
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.INVARIANT_FAILED);
        assertThat(result.lastOutLine()).as("verdict; stdout:%n%s", result.out()).startsWith("VERDICT FAIL produced=300000 ");
        assertThat(result.out()).as("both faults injected").contains("2 injected of 2 planned");
        assertThat(result.verdictFigure("duplicated")).as("duplicates found").isPositive();
        assertThat(result.verdictFigure("lost")).as("nothing lost").isZero();
    }

    @Test
    void theSameRunPassesOnASessionClusterReachedByItsRestUrl() throws Exception {
        // Given a session cluster of 2 TaskManager JVMs × 2 slots that this test started, known only by its URL
        RunDirectory clusterRun = RunDirectory.create(Optional.of(tmp.resolve("cluster")));
        try (LocalSessionCluster cluster = LocalSessionCluster.start(
                LocalClusterSettings.of(2, 2, false, clusterRun, Map.of()), ClusterProgress.silent())) {

            // When the stress run submits its job there by REST, with one task exception
            CommandResult result = CommandResult.run("--cluster", cluster.restUrl(), "--partitions", "4",
                    "--messages", "200000", "--rate", "40000", "--chaos", "task-exception", "--max-time", "4m",
                    "--report-dir", tmp.resolve("report").toString());

            // Then it passes with exact counts, the fault recovered, and the cluster is still there afterwards
            assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                    .isEqualTo(ExitCodes.PASS);
            assertThat(result.lastOutLine()).as("verdict")
                    .startsWith("VERDICT PASS produced=200000 committed=200000 lost=0 duplicated=0 seconds=");
            assertThat(result.out()).as("on the given cluster, the fault recovered")
                    .contains("Connecting to the Flink session cluster at " + cluster.restUrl())
                    .containsPattern("recovery +task-exception +1 injected, 1 recovered");
            assertThat(cluster.jobManagerAlive()).as("the user's cluster is left running").isTrue();
        }
    }
}
