package io.streamstress.runner.infra.cluster.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.checkpoints.CompletedCheckpoint;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.rest.messages.checkpoints.CheckpointStatistics;
import org.junit.jupiter.api.Test;

class JobViewReaderTest {

    /** A completed checkpoint or savepoint as the REST API describes it (its type enum is package-private). */
    private static CheckpointStatistics completed(long id, boolean savepoint, long triggeredAt) throws Exception {
        Constructor<?> constructor = Arrays.stream(
                        CheckpointStatistics.CompletedCheckpointStatistics.class.getDeclaredConstructors())
                .filter(c -> c.getParameterCount() == 18).findFirst().orElseThrow();
        Class<?> typeClass = constructor.getParameterTypes()[14];
        Object type = Arrays.stream(typeClass.getEnumConstants())
                .filter(t -> ((Enum<?>) t).name().equals(savepoint ? "SAVEPOINT" : "CHECKPOINT")).findFirst().orElseThrow();
        constructor.setAccessible(true);
        return (CheckpointStatistics) constructor.newInstance(id, CheckpointStatsStatus.COMPLETED, savepoint,
                "CANONICAL", triggeredAt, triggeredAt + 100, 10L, 10L, 100L, 0L, 0L, 0L, 2, 2, type, Map.of(),
                "file:/tmp/x", false);
    }

    @Test
    void aSavepointIsNotOneOfTheJobsCheckpoints() throws Exception {
        // Given the history of a job that was stopped with a savepoint (a rescale) after one checkpoint
        List<CheckpointStatistics> history = List.of(completed(3, false, 1_000), completed(4, true, 2_000));

        // When
        List<CompletedCheckpoint> checkpoints = JobViewReader.completed(history);

        // Then the savepoint, the fault itself, does not count towards the recovery's first checkpoint (T3)
        assertThat(checkpoints).as("completed checkpoints").extracting(CompletedCheckpoint::id).containsExactly(3L);
    }
}
