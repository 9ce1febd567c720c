package io.streamstress.kafka.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendScheduleTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void dueTimesFollowTheRateNotTheProducer() {
        // Given 1,000 msg/s from t = 0
        SendSchedule schedule = new SendSchedule(TrafficPattern.NONE, 1_000, 0);

        // When the producer is on time, it waits for the next due message
        assertThat(schedule.stepWaitNanos(0)).as("first message due now").isZero();
        assertThat(schedule.dueAndAdvance()).as("message 0 due").isZero();
        assertThat(schedule.dueAndAdvance()).as("message 1 due 1 ms later").isEqualTo(MS);
        assertThat(schedule.stepWaitNanos(0)).as("message 2 is 2 ms away").isEqualTo(2 * MS);

        // When the producer stalls for 50 ms, the schedule does not wait for it
        assertThat(schedule.stepWaitNanos(52 * MS)).as("already due").isEqualTo(-50 * MS);
        assertThat(schedule.behindNanos()).as("behind by").isEqualTo(50 * MS);
        assertThat(schedule.dueAndAdvance()).as("message 2 still due at 2 ms").isEqualTo(2 * MS);
    }

    @Test
    void heldTimeAndBurstsCarryNoSchedule() {
        // Given 1,000 msg/s with a burst from 10 ms to 20 ms
        SendSchedule schedule = new SendSchedule(TrafficPattern.parse("10ms-20ms:burst"), 1_000, 0);
        for (int i = 0; i < 10; i++) {
            schedule.stepWaitNanos(i * MS);
            schedule.dueAndAdvance();
        }

        // When the schedule reaches the burst, messages are due when sent
        assertThat(schedule.stepWaitNanos(13 * MS)).as("burst: no wait").isZero();
        assertThat(schedule.limited()).as("burst is unlimited").isFalse();
        assertThat(schedule.dueAndAdvance()).as("due now").isEqualTo(13 * MS);

        // When the producer is held 100 ms on purpose after the burst, that time is not counted as behind
        schedule.shift(100 * MS);
        assertThat(schedule.stepWaitNanos(121 * MS)).as("after the burst, on time again").isZero();
        assertThat(schedule.limited()).as("rate again").isTrue();
        assertThat(schedule.behindNanos()).as("held time is not lag").isZero();
    }
}
