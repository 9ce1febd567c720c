package io.streamstress.redis.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EpochClockTest {

    @Test
    void epochsGrowStrictlyWithinAndAcrossCheckpoints() {
        EpochClock clock = new EpochClock(OptionalLong.empty(), 0);

        long first = clock.next();
        long second = clock.next();
        clock.snapshotTaken(1);
        long afterSnapshot = clock.next();

        assertThat(second).as("second epoch before any snapshot").isGreaterThan(first);
        assertThat(afterSnapshot).as("epoch after snapshot 1").isGreaterThan(second);
        assertThat(afterSnapshot >>> EpochClock.SEQUENCE_BITS).as("base after snapshot 1").isEqualTo(2);
    }

    @Test
    void afterARestoreEveryEpochExceedsThoseOfTheRestoredCheckpoint() {
        // Given a writer that prepared committables up to checkpoint 7, several per checkpoint
        EpochClock before = new EpochClock(OptionalLong.empty(), 0);
        long applied = 0;
        for (long checkpoint = 1; checkpoint <= 7; checkpoint++) {
            applied = Math.max(applied, before.next());
            applied = Math.max(applied, before.next());
            before.snapshotTaken(checkpoint);
        }

        // When it is restored from checkpoint 7
        EpochClock restored = new EpochClock(OptionalLong.of(7), 0);

        // Then its first epoch is above every epoch that may have been applied
        assertThat(restored.next()).as("first epoch after restore").isGreaterThan(applied);
    }

    @Test
    void restoredStateRaisesTheBase() {
        EpochClock clock = new EpochClock(OptionalLong.of(3), 9);

        assertThat(clock.nextBase()).as("base from writer state").isEqualTo(9);
    }
}
