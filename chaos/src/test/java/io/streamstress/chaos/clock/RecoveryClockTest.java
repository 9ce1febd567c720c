package io.streamstress.chaos.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import io.streamstress.chaos.plan.FaultKind;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RecoveryClockTest {

    private static final long T0 = 100_000;

    /** Samples every 100 ms from T0 − 5 s to T0 + 5 s: 1,000 records/s, except {@code rateAfter} from T0 on. */
    private static List<long[]> throughput(long pauseMillis, double rateAfter) {
        List<long[]> samples = new ArrayList<>();
        long count = 0;
        for (long t = T0 - 5_000; t <= T0 + 5_000; t += 100) {
            samples.add(new long[] {t, count});
            boolean paused = t >= T0 && t < T0 + pauseMillis;
            count += paused ? 0 : (long) ((t < T0 ? 1.0 : rateAfter) * 100);
        }
        return samples;
    }

    @Test
    void aTaskFaultHasAllFourClocks() {
        // Given a restart: tasks RUNNING at +300/+400 ms, first record at +450 ms, a checkpoint at +900 ms
        Observations seen = new Observations(List.of(T0 + 300, T0 + 400), List.of(T0 + 450, T0 + 700),
                List.of(T0 - 200, T0 + 900, T0 + 1900), throughput(500, 1.0), List.of());

        // When
        RecoveryClock clock = RecoveryClock.measure(FaultKind.TASK_EXCEPTION, T0, T0, seen);

        // Then
        assertThat(RecoveryClock.since(T0, clock.t1())).as("T1: the last restarted task RUNNING").hasValue(400);
        assertThat(RecoveryClock.since(T0, clock.t2())).as("T2: the first record of a restarted attempt").hasValue(450);
        assertThat(RecoveryClock.since(T0, clock.t3())).as("T3: first checkpoint after T0").hasValue(900);
        assertThat(clock.recoveryMillis()).as("recovery = T2 − T0").hasValue(450);
        assertThat(RecoveryClock.since(T0, clock.t4()).orElseThrow()).as("T4: a full-rate window after the pause")
                .isBetween(1_400L, 1_600L);
    }

    @Test
    void aRedisStallRecoversAtTheFirstCommitAfterRedisCameBack() {
        // Given commits every second, none while Redis was paused from T0 to T0 + 2 s, then one at T0 + 2.1 s
        List<long[]> committed = List.of(new long[] {T0 - 1000, 500}, new long[] {T0, 1000},
                new long[] {T0 + 1000, 1000}, new long[] {T0 + 2050, 1000}, new long[] {T0 + 2100, 3000});
        // And a checkpoint that completed during the stall (commits are not part of a checkpoint)
        Observations seen = new Observations(List.of(), List.of(), List.of(T0 + 900), throughput(0, 1.0), committed);

        // When
        RecoveryClock clock = RecoveryClock.measure(FaultKind.REDIS_STALL, T0, T0 + 2000, seen);

        // Then
        assertThat(clock.t1()).as("T1 without restarts").isEmpty();
        assertThat(clock.t2()).as("T2 without restarts").isEmpty();
        assertThat(RecoveryClock.since(T0, clock.t3())).as("T3 does not see the stall").hasValue(900);
        assertThat(clock.recoveryMillis()).as("recovery = first commit after the stall").hasValue(2100);
    }

    @Test
    void aBrokerRestartRecoversWhenRecordsAreReadAgain() {
        // Given nothing processed from T0 to T0 + 800 ms; the broker was back at T0 + 600 ms
        Observations seen = new Observations(List.of(), List.of(), List.of(), throughput(800, 1.0), List.of());

        RecoveryClock clock = RecoveryClock.measure(FaultKind.BROKER_RESTART, T0, T0 + 600, seen);

        assertThat(clock.recoveryMillis()).as("recovery = first increase after the broker is back").hasValue(900);
    }

    @Test
    void throughputThatNeverComesBackLeavesT4Empty() {
        Observations seen = new Observations(List.of(), List.of(), List.of(), throughput(0, 0.5), List.of());

        assertThat(RecoveryClock.measure(FaultKind.REDIS_RESTART, T0, T0, seen).t4()).as("T4 at half rate").isEmpty();
        assertThat(RecoveryClock.measure(FaultKind.REDIS_RESTART, T0, T0, seen).recoveryMillis())
                .as("no commit seen: not recovered").isEqualTo(OptionalLong.empty());
    }

    @Test
    void eventsBeforeT0DoNotCount() {
        Observations seen = new Observations(List.of(T0 - 10), List.of(T0 - 5), List.of(T0 - 1), List.of(), List.of());

        RecoveryClock clock = RecoveryClock.measure(FaultKind.TASKMANAGER_STOP, T0, T0, seen);

        assertThat(clock.t1()).isEmpty();
        assertThat(clock.t2()).isEmpty();
        assertThat(clock.t3()).isEmpty();
        assertThat(clock.t4()).as("no samples").isEmpty();
    }
}
