package io.streamstress.chaos.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FlushScheduleTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger clockReads = new AtomicInteger();
    private final FlushSchedule schedule = new FlushSchedule(Duration.ofMillis(100), () -> {
        clockReads.incrementAndGet();
        return nanos.get();
    });

    @Test
    void aBatchIsDueOnceTheIntervalPassedNoticedOnEvery256thRecord() {
        // Given the interval has not passed
        nanos.addAndGet(Duration.ofMillis(99).toNanos());
        assertThat(schedule.due(256)).as("due before the interval").isFalse();

        // When it has passed
        nanos.addAndGet(Duration.ofMillis(1).toNanos());

        // Then only a 256th record notices it
        assertThat(schedule.due(257)).as("due on record 257").isFalse();
        assertThat(schedule.due(512)).as("due on record 512").isTrue();

        // And once a batch went out, the next is an interval away
        schedule.sent();
        assertThat(schedule.due(768)).as("due right after a batch").isFalse();
    }

    @Test
    void theClockIsReadOnlyEvery256Records() {
        // Given
        int readsBefore = clockReads.get();

        // When 1,024 records pass
        for (long record = 1; record <= 1_024; record++) {
            schedule.due(record);
        }

        // Then
        assertThat(clockReads.get() - readsBefore).as("clock reads").isEqualTo(4);
    }
}
