package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    @Test
    void theFaultsBeforeAndAfterAKillAndTheWholeRunsTimeAreReported() throws Exception {
        // Given a run with a task failure before a process-kill and one after it
        Path runDir = dir.resolve("run");
        Path reportDir = dir.resolve("report");
        long started = System.currentTimeMillis();

        // When
        CommandResult result = CommandResult.run("--messages", "300000", "--partitions", "4", "--task-managers", "2",
                "--slots-per-task-manager", "2", "--rate", "30000",
                "--chaos", "task-exception@10%,process-kill@40%,task-exception@70%",
                "--run-dir", runDir.toString(), "--report-dir", reportDir.toString(), "--max-time", "4m");
        long supervisorSpan = System.currentTimeMillis() - started;

        // Then it passes with every planned fault injected and measured, the one before the kill included
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.out()).as("verdict block").contains("3 injected of 3 planned")
                .containsPattern(" 1 task-exception@10% +recovery \\d+\\.\\d\\d s ")
                .containsPattern(" 2 process-kill@40% +recovery \\d+\\.\\d\\d s ")
                .containsPattern(" 3 task-exception@70% +recovery \\d+\\.\\d\\d s ");
        JsonNode report = new ObjectMapper().readTree(reportDir.resolve("stress-report.json").toFile());
        JsonNode faults = report.path("faults");
        assertThat(faults.size()).as("faults in the report").isEqualTo(3);
        for (JsonNode fault : faults) {
            assertThat(fault.path("t0").isNumber()).as("T0 of %s", fault.path("planned")).isTrue();
            assertThat(fault.path("recoveryMs").isNumber()).as("recovery of %s", fault.path("planned")).isTrue();
        }
        assertThat(report.at("/scenarios/0/then").toString()).as("exactly-once scenario")
                .contains("every planned fault was injected");

        // And the run's times cover both processes: the pipeline starts with the first worker's first send,
        // before the first fault, and lasts past the last one
        long firstSend = report.at("/timing/firstSendAt").asLong();
        long pipelineMs = report.at("/timing/pipelineMs").asLong();
        assertThat(firstSend).as("first send, before the first fault's T0").isLessThan(faults.get(0).path("t0").asLong())
                .isGreaterThanOrEqualTo(started);
        assertThat(firstSend + pipelineMs).as("end of the pipeline, after the last fault's T0")
                .isGreaterThan(faults.get(2).path("t0").asLong());
        // And all but start-up, verification and the report of the supervisor's span is the pipeline
        long startupMs = report.at("/timing/startupMs").asLong();
        assertThat(supervisorSpan - startupMs - pipelineMs).as("span %d ms − start-up %d ms − pipeline %d ms",
                supervisorSpan, startupMs, pipelineMs).isBetween(0L, 8_000L);
        // And the timeline shows the restart gap: seconds with nothing processed between the two workers
        JsonNode timeline = report.path("timeline");
        // (entry s counts what was processed in the second before it: entry k + 1 of the second k the kill fell
        // in still holds that second's records before the kill; k + 2 is the first whole second after it)
        long killSecond = (faults.get(1).path("t0").asLong() - firstSend) / 1000;
        assertThat(timeline.get((int) killSecond + 2).path("processedPerSecond").asLong())
                .as("records processed in the first whole second after the kill").isZero();
    }
}
