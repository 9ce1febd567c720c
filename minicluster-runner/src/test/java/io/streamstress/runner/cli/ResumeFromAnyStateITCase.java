package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.checkpoints.RetainedCheckpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real crash of {@code stress.jar} (every process of it killed with SIGKILL mid-run), then
 * {@code --resume} after the retained checkpoints were taken away: all of them (the job starts again from the
 * beginning of the topic, its epochs from 1) or the newest only (it restores an older one). Records counted
 * before the crash are read again; the count must stay exact either way.
 */
class ResumeFromAnyStateITCase {

    private static final String MESSAGES = "300000";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "checkpoints removed: {0}")
    @ValueSource(strings = {"all", "newest"})
    void aKilledRunResumesWithAnExactCountWhateverCheckpointsAreLeft(String removed) throws Exception {
        // Given a run killed with SIGKILL once it had retained two checkpoints (records committed)
        Path runDir = dir.resolve("run");
        Path checkpoints = runDir.resolve("checkpoints");
        JarProcess run = JarProcess.start(dir.resolve("first"), List.of(), "--messages", MESSAGES, "--rate", "30000",
                "--partitions", "4", "--task-managers", "2", "--slots-per-task-manager", "2",
                "--checkpoint-interval", "500ms", "--run-dir", runDir.toString());
        assertThat(run.awaitOutput("running: parallelism", Duration.ofMinutes(2)))
                .as("job running; stdout %s; stderr %s", run.out(), run.err()).isTrue();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (RetainedCheckpoints.newestFirst(checkpoints).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1_000);
        assertThat(run.process().isAlive()).as("first run still running; stdout %s", run.out()).isTrue();
        run.process().descendants().forEach(ProcessHandle::destroyForcibly);
        run.process().destroyForcibly();
        run.process().waitFor();
        List<Path> retained = RetainedCheckpoints.newestFirst(checkpoints);
        assertThat(retained).as("retained checkpoints at the kill").hasSizeGreaterThanOrEqualTo(2);

        // And its checkpoints taken away
        if (removed.equals("all")) {
            deleteTree(checkpoints);
        } else {
            deleteTree(retained.get(0));
        }

        // When it is resumed
        JarProcess resumed = JarProcess.start(dir.resolve("resumed"), List.of(), "--resume", runDir.toString());
        int exitCode = resumed.waitFor(Duration.ofMinutes(3));

        // Then the records read again are not counted twice, and those never counted are counted
        assertThat(exitCode).as("resumed exit code; stdout %s; stderr %s", resumed.out(), resumed.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(resumed.out()).as("what the resume restored")
                .contains(removed.equals("all")
                        ? "No completed checkpoint to restore from: the job starts from the beginning of the topic"
                        : "Restoring the job from checkpoints/")
                .contains("VERDICT PASS produced=" + MESSAGES + " committed=" + MESSAGES + " lost=0 duplicated=0");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
