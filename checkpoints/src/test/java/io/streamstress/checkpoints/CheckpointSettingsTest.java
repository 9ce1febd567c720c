package io.streamstress.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.junit.jupiter.api.Test;

class CheckpointSettingsTest {

    @Test
    void defaultsAreWrittenIntoTheFlinkConfiguration() {
        Configuration config = CheckpointSettings.defaults(Path.of("/tmp/run/checkpoints")).applyTo(new Configuration());

        assertThat(config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).as("interval").isEqualTo(Duration.ofSeconds(1));
        assertThat(config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(config.get(StateBackendOptions.STATE_BACKEND)).as("backend").isEqualTo("hashmap");
        assertThat(config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).as("dir").isEqualTo("file:///tmp/run/checkpoints");
        assertThat(config.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION)).as("retention")
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    }

    @Test
    void refusesWhatFlinkWouldRefuseLater() {
        Path dir = Path.of("/tmp/c");
        assertThatThrownBy(() -> new CheckpointSettings(Duration.ofMillis(1), CheckpointingMode.EXACTLY_ONCE,
                StateBackendKind.HASHMAP, false, dir, 1)).hasMessageContaining("at least 10 ms");
        assertThatThrownBy(() -> new CheckpointSettings(Duration.ofSeconds(1), CheckpointingMode.EXACTLY_ONCE,
                StateBackendKind.HASHMAP, true, dir, 1)).hasMessageContaining("need the rocksdb");
        assertThatThrownBy(() -> StateBackendKind.parse("memory")).hasMessageContaining("use hashmap or rocksdb");
    }
}
