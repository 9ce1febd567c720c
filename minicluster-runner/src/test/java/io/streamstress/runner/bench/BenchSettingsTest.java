package io.streamstress.runner.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A benchmark that cannot run as asked is refused before anything starts, with what to change. */
class BenchSettingsTest {

    @TempDir
    Path dir;

    @Test
    void refusesWhatCannotRunAndSaysWhatToChange() throws Exception {
        Path jar = Files.writeString(dir.resolve("stress.jar"), "jar");

        assertThatThrownBy(() -> settings(jar, 0, 100, 20, 20, 1)).as("no rounds")
                .hasMessageContaining("rounds must be at least 1");
        assertThatThrownBy(() -> settings(jar, 3, 10, 20, 20, 1)).as("record smaller than its header")
                .hasMessageContaining("record size must be at least 38");
        assertThatThrownBy(() -> settings(jar, 3, 100, 30, 20, 1)).as("more partitions than slots")
                .hasMessageContaining("30 partitions need 30 slots").hasMessageContaining("give more TaskManagers or slots");
        assertThatThrownBy(() -> settings(dir.resolve("missing.jar"), 3, 100, 20, 20, 1)).as("no jar")
                .hasMessageContaining("build stress.jar");
    }

    private BenchSettings settings(Path jar, int rounds, int recordSize, int partitions, int taskManagers, int slots) {
        return new BenchSettings(1_000, rounds, recordSize, partitions, taskManagers, slots, Duration.ofSeconds(1),
                List.of(1_000L), jar, "Produce", dir);
    }
}
