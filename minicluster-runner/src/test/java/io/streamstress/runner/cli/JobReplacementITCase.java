package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The faults that end the job and start it again from a snapshot of itself, in process against the real
 * embedded broker, Redis and MiniCluster: a rescale (stop-with-savepoint, then the job at another parallelism)
 * and a rollback (cancel, then the job from the retained checkpoint before the newest). The count stays exact
 * and the new job's recovery is measured.
 */
class JobReplacementITCase {

    private static final String[] SMALL = {
        "--messages", "150000", "--partitions", "4", "--task-managers", "6", "--slots-per-task-manager", "1",
        "--rate", "25000", "--checkpoint-interval", "500ms"
    };

    /** The small run with {@code extra}, and a time limit of 3 minutes unless {@code extra} sets one. */
    private static String[] args(String... extra) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(SMALL));
        all.addAll(java.util.List.of(extra));
        if (!all.contains("--max-time")) {
            all.addAll(java.util.List.of("--max-time", "3m"));
        }
        return all.toArray(String[]::new);
    }

    private static void assertExactPass(CommandResult result) {
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("last line")
                .startsWith("VERDICT PASS produced=150000 committed=150000 lost=0 duplicated=0 seconds=");
    }

    @Test
    void aRescaleDownAndBackUpKeepsTheCountExact() {
        // When the job (4 subtasks) is stopped with a savepoint and restarted at 2, then again at 4
        CommandResult result = CommandResult.run(args("--chaos", "rescale@25%,rescale@60%"));

        // Then
        assertExactPass(result);
        assertThat(result.out()).as("both rescales injected and recovered from")
                .contains("2 injected of 2 planned")
                .containsPattern("stopped with savepoint savepoint-\\S+ at parallelism 4, job \\S+ started from it at parallelism 2")
                .containsPattern("stopped with savepoint savepoint-\\S+ at parallelism 2, job \\S+ started from it at parallelism 4")
                .containsPattern("recovery +rescale +2 injected, 2 recovered, p50 \\d+\\.\\d\\d s");
    }

    @Test
    void aRescaleAboveTheStartKeepsTheCountExact() {
        // When the job (4 subtasks, one per partition) is restarted at 6: two subtasks read nothing
        CommandResult result = CommandResult.run(args("--chaos", "rescale@30%", "--rescale-to", "6"));

        // Then
        assertExactPass(result);
        assertThat(result.out()).as("scaled up")
                .containsPattern("started from it at parallelism 6")
                .containsPattern(" 1 rescale@30% +recovery \\d+\\.\\d\\d s ");
    }

    @Test
    void aRollbackToTheCheckpointBeforeTheNewestKeepsTheCountExact() {
        // When the job is cancelled and restored from an older checkpoint than its newest: the new job reads
        // again records whose counts were committed after that checkpoint
        CommandResult result = CommandResult.run(args("--chaos", "rollback@40%"));

        // Then they are not counted twice, and those never counted are
        assertExactPass(result);
        assertThat(result.out()).as("rolled back and recovered from")
                .containsPattern("its newest checkpoint chk-(\\d+) skipped, job \\S+ restored from chk-\\d+")
                .containsPattern(" 1 rollback@40% +recovery \\d+\\.\\d\\d s ");
    }

    @Test
    void theLossControlIsCaughtAfterARescaleAndATaskException() {
        // Given the at-most-once sink (it marks records handled ahead of its checkpoints); a job restored from a
        // savepoint is stopped by the harness once every message is committed (FLINK-31006), which a sink that
        // loses records never reaches: the run ends at --max-time, long after the job read every record
        // When the job is rescaled and then a task fails
        CommandResult result = CommandResult.run(args("--delivery", "at-most-once",
                "--chaos", "rescale@20%,task-exception@50%", "--max-time", "40s"));

        // Then the verifier counts the loss
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.INVARIANT_FAILED);
        assertThat(result.lastOutLine()).as("last line").startsWith("VERDICT FAIL produced=150000 committed=")
                .containsPattern("lost=[1-9]\\d* duplicated=0");
    }
}
