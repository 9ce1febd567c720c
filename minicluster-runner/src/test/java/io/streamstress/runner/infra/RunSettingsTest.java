package io.streamstress.runner.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughTheRunDirectory() throws Exception {
        RunSettings settings = new RunSettings("20261122-000000-abcd",
                List.of("--messages", "1000", "--chaos", "process-kill@30%", "--topic", "a b"), 6380, "s3cret", 9092, 9093);

        settings.write(dir);

        assertThat(RunSettings.read(dir)).as("read back").isEqualTo(settings);
    }

    @Test
    void aDirectoryWithoutARunSaysSo() {
        assertThatThrownBy(() -> RunSettings.read(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no run to resume");
    }
}
