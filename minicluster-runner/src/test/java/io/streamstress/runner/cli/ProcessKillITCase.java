package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real crash: the supervising process kills the worker JVM with SIGKILL mid-run and resumes the run from
 * its directory (broker data, Redis AOF, retained checkpoints); the final verification must pass.
 */
class ProcessKillITCase {

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesFromItsCheckpointAndCountsExactlyOnce() {
        // Given a run that will be killed once 30 % of its messages are committed
        Path runDir = dir.resolve("run");

        // When
        CommandResult result = CommandResult.run("--messages", "300000", "--partitions", "4", "--task-managers", "2",
                "--slots-per-task-manager", "2", "--rate", "50000", "--chaos", "process-kill@30%",
                "--run-dir", runDir.toString(), "--max-time", "4m");

        // Then the worker was killed and resumed, and the resumed run verified an exact count
        assertThat(result.out()).as("supervisor output")
                .containsPattern("process-kill: worker JVM \\d+ killed with SIGKILL")
                .contains("Restoring the job from checkpoints/");
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("last line")
                .startsWith("VERDICT PASS produced=300000 committed=300000 lost=0 duplicated=0 seconds=");
        assertThat(result.out()).as("recovery measured in the resumed run")
                .containsPattern(" 1 process-kill@30% +recovery \\d+\\.\\d\\d s ");
        assertThat(runDir).as("run directory removed after the resumed run").doesNotExist();
    }
}
