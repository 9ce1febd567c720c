package io.streamstress.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {

    @TempDir
    Path dir;

    private Path checkpoint(String job, long n, long completedAtMillis) throws Exception {
        Path chk = Files.createDirectories(dir.resolve(job).resolve("chk-" + n));
        Path metadata = Files.writeString(chk.resolve("_metadata"), "x");
        Files.setLastModifiedTime(metadata, FileTime.fromMillis(completedAtMillis));
        return chk;
    }

    @Test
    void picksTheMostRecentlyCompletedAcrossJobs() throws Exception {
        // Given a first job's checkpoints and a resumed job's later ones (ids continue after a restore)
        checkpoint("job-a", 4, 1_000);
        checkpoint("job-a", 5, 2_000);
        Path newest = checkpoint("job-b", 6, 3_000);
        // And a checkpoint that never completed (no _metadata)
        Files.createDirectories(dir.resolve("job-b").resolve("chk-7"));

        assertThat(RetainedCheckpoints.latest(dir)).as("latest").contains(newest);
    }

    @Test
    void nothingToResumeFrom() {
        assertThat(RetainedCheckpoints.latest(dir.resolve("missing"))).as("missing dir").isEmpty();
        assertThat(RetainedCheckpoints.latest(dir)).as("empty dir").isEmpty();
    }
}
