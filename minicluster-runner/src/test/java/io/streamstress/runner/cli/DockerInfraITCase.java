package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.runner.infra.docker.TestingDocker;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The docker mode end to end: the run's Redis and broker each in a container (and with {@code --cluster docker} the
 * Flink JobManager and TaskManagers), hit by what Docker does to a container (SIGKILL, the cgroup freezer, a cut network, netem), counted exactly; the negative control caught there
 * too. Skipped, with the reason, where no Docker engine answers or the image is missing.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerInfraITCase {

    private static final String[] DOCKER = {"--infra", "docker", "--redis-image", TestingDocker.IMAGE, "--jre-image",
        TestingDocker.IMAGE, "--partitions", "4", "--task-managers", "2", "--slots-per-task-manager", "2",
        "--max-time", "4m"};

    @TempDir
    Path tmp;

    @BeforeAll
    static void imageIsThere() {
        TestingDocker.assumeImage();
    }

    @Test
    void killedFrozenAndCutOffContainersLeaveTheCountExact() {
        // Given 500,000 messages at 40,000 msg/s, Redis and the broker in their own containers
        // When the Redis container is killed (SIGKILL), then the broker's, then Redis is cut from the network for 3 s,
        // the broker frozen for 3 s, and the broker's container stopped and started again (broker-restart)
        CommandResult result = CommandResult.run(CommandResult.with(DOCKER, "--messages", "500000", "--rate", "40000", "--stall", "3s",
                "--chaos", "container-kill:redis@15%,container-kill:kafka@35%,network-partition:redis@55%,"
                        + "container-pause:kafka@75%,broker-restart@90%",
                "--report-dir", tmp.resolve("report").toString()));

        // Then the count is exact, every fault was injected through Docker and recovered from, and no container is left
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("verdict")
                .startsWith("VERDICT PASS produced=500000 committed=500000 lost=0 duplicated=0 seconds=");
        assertThat(result.out()).as("every fault injected on its container")
                .contains("5 injected of 5 planned")
                .containsPattern("broker container stopped \\(docker stop: SIGTERM, a clean shutdown\\) and started again on "
                        + "its logs, back after \\d+ ms")
                .containsPattern("Redis container killed \\(docker kill, SIGKILL\\) and started again on its AOF, back after \\d+ ms")
                .containsPattern("broker container killed \\(docker kill, SIGKILL\\) and started again on its logs, back after \\d+ ms")
                .containsPattern("Redis container disconnected from the run's Docker network for 3\\d\\d\\d ms")
                .containsPattern("broker container frozen \\(docker pause, cgroup freezer\\) for 3\\d\\d\\d ms");
        assertThat(result.out()).as("each recovered, on what the server it hit stopped doing")
                .containsPattern(" 1 container-kill:redis@15% recovery \\d+\\.\\d\\d s .*first commit after the killed Redis container was back")
                .containsPattern(" 2 container-kill:kafka@35% recovery \\d+\\.\\d\\d s .*first record processed after the killed broker container was back")
                .containsPattern(" 3 network-partition:redis@55% recovery \\d+\\.\\d\\d s .*first commit after the Redis container was connected again")
                .containsPattern(" 4 container-pause:kafka@75% recovery \\d+\\.\\d\\d s .*first record processed after the broker container was thawed")
                .containsPattern(" 5 broker-restart@90% +recovery \\d+\\.\\d\\d s .*first record processed after the restarted broker was back");
        assertThat(TestingDocker.leftOverContainers()).as("containers left after the run").isEmpty();
    }

    @Test
    void killedFrozenAndCutOffTaskManagerContainersLeaveTheCountExact() {
        // Given 500,000 messages at 40,000 msg/s, the Flink JobManager and 2 (+1 spare) TaskManagers in containers
        // too, the job reading kafka:9092 and counting in redis:6379 on the run's network
        // When the Redis container is killed, then a TaskManager hosting a task is cut from the network for 5 s (past
        // its heartbeat time-out), another killed (docker kill) and a third frozen (docker pause) for 5 s
        CommandResult result = CommandResult.run(CommandResult.with(DOCKER, "--cluster", "docker", "--messages", "500000",
                "--rate", "40000", "--chaos", "container-kill:redis@15%,network-partition@35%,container-kill@55%,"
                        + "container-pause:taskmanager@75%",
                "--report-dir", tmp.resolve("report").toString()));

        // Then the count is exact, every fault hit its container and was recovered from, and no container is left
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("verdict")
                .startsWith("VERDICT PASS produced=500000 committed=500000 lost=0 duplicated=0 seconds=");
        assertThat(result.out()).as("the cluster in containers")
                .contains("ready: Docker session cluster at http://127.0.0.1:")
                .contains("2 TaskManager container(s) × 2 slot(s) + 1 spare");
        assertThat(result.out()).as("every fault injected on its container; a TaskManager fault by default")
                .contains("4 injected of 4 planned")
                .containsPattern("TaskManager container tm-\\d \\(hosting a running task\\) cut from the run's Docker "
                        + "network for 5.0 s, then connected again")
                .containsPattern("TaskManager container tm-\\d \\(hosting a running task; docker kill; spare tm-\\d\\)")
                .containsPattern("TaskManager container tm-\\d \\(hosting a running task\\) frozen \\(docker pause, cgroup "
                        + "freezer\\) for 5.0 s, then thawed \\(docker unpause\\)");
        assertThat(result.out()).as("each recovered")
                .containsPattern(" 1 container-kill:redis@15% .*recovery \\d+\\.\\d\\d s")
                .containsPattern(" 2 network-partition:taskmanager@35% .*recovery \\d+\\.\\d\\d s")
                .containsPattern(" 3 container-kill:taskmanager@55% .*recovery \\d+\\.\\d\\d s")
                .containsPattern(" 4 container-pause:taskmanager@75% .*recovery \\d+\\.\\d\\d s");
        assertThat(TestingDocker.leftOverContainers()).as("containers left after the run").isEmpty();
    }

    @Test
    void aDelayOnTheBrokerAndACutOffBrokerLeaveTheCountExact() throws Exception {
        // Given a kernel with netem, and the same servers in containers
        TestingDocker.assumeNetem();

        // When netem delays everything the broker sends by 200 ms ± 50 ms for 3 s, then the broker is cut off for 3 s
        CommandResult result = CommandResult.run(CommandResult.with(DOCKER, "--messages", "500000", "--rate", "40000", "--stall", "3s",
                "--chaos", "network-delay:kafka@30%,network-partition:kafka@60%",
                "--report-dir", tmp.resolve("report").toString()));

        // Then the count is exact and both faults were injected and recovered from
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.out()).as("both injected").contains("2 injected of 2 planned")
                .contains("200 ms ± 50 ms added by tc netem")
                .containsPattern(" 1 network-delay:kafka@30% recovery \\d+\\.\\d\\d s")
                .containsPattern(" 2 network-partition:kafka@60% recovery \\d+\\.\\d\\d s");
    }

    @Test
    void anAtLeastOnceSinkIsCaughtDoubleCountingWithItsServersInContainers() {
        // Given the at-least-once negative control, its Redis and broker in containers
        // When a task throws past a checkpoint barrier, then the Redis container is killed
        CommandResult result = CommandResult.run(CommandResult.with(DOCKER, "--messages", "300000", "--rate", "20000",
                "--delivery", "at-least-once", "--chaos", "task-exception,container-kill:redis",
                "--report-dir", tmp.resolve("report").toString()));

        // Then the verification finds the replayed records counted twice, and the run fails with exit 3
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.INVARIANT_FAILED);
        assertThat(result.lastOutLine()).as("verdict").startsWith("VERDICT FAIL produced=300000 ");
        assertThat(result.verdictFigure("duplicated")).as("duplicates found").isPositive();
        assertThat(result.verdictFigure("lost")).as("nothing lost").isZero();
        assertThat(TestingDocker.leftOverContainers()).as("containers left after the run").isEmpty();
    }
}
