package io.streamstress.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointObserverTest {

    @Test
    void aRestoredJobsCheckpointWithAnIdSeenBeforeIsKept() {
        // Given checkpoints 4 and 5 of a job, which is then rolled back to checkpoint 3
        CheckpointObserver observer = new CheckpointObserver();
        observer.observe(List.of(new CompletedCheckpoint(4, 1_000, 1_100, 100, 10),
                new CompletedCheckpoint(5, 2_000, 2_100, 100, 10)), 0);

        // When the restored job completes its own checkpoint 4, later
        observer.jobReplaced();
        observer.observe(List.of(new CompletedCheckpoint(4, 5_000, 5_200, 200, 10)), 0);

        // Then all three are there, in the order they were triggered
        assertThat(observer.completed()).as("completed").extracting(CompletedCheckpoint::triggeredAtMillis)
                .containsExactly(1_000L, 2_000L, 5_000L);
        assertThat(observer.triggeredAndCompletedAfter(3_000)).as("completed after the rollback").isEqualTo(1);
    }

    @Test
    void failedCheckpointsOfAReplacedJobAddUp() {
        CheckpointObserver observer = new CheckpointObserver();
        observer.observe(List.of(), 2);

        observer.jobReplaced();
        observer.observe(List.of(), 1);

        assertThat(observer.failed()).as("failed over both jobs").isEqualTo(3);
    }

    @Test
    void aCheckpointListedTwiceIsCountedOnce() {
        CheckpointObserver observer = new CheckpointObserver();
        CompletedCheckpoint one = new CompletedCheckpoint(1, 1_000, 1_100, 100, 10);

        observer.observe(List.of(one), 0);
        observer.observe(List.of(one), 0);

        assertThat(observer.completed()).as("completed").containsExactly(one);
    }
}
