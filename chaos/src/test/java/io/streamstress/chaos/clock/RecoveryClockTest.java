package io.streamstress.chaos.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.ServerRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RecoveryClockTest {

    private static final long T0 = 100_000;

    /** Samples every 100 ms from T0 − 5 s to T0 + 5 s: 1,000 records/s, except {@code rateAfter} from T0 on. */
    private static List<long[]> throughput(long pauseMillis, double rateAfter) {
        List<long[]> samples = new ArrayList<>();
        long count = 1;
        for (long t = T0 - 5_000; t <= T0 + 5_000; t += 100) {
            samples.add(new long[] {t, count});
            boolean paused = t >= T0 && t < T0 + pauseMillis;
            count += paused ? 0 : (long) ((t < T0 ? 1.0 : rateAfter) * 100);
        }
        return samples;
    }

    private static Observations seen(List<AttemptEvent> running, List<AttemptEvent> first,
            List<CheckpointTimes> checkpoints, List<long[]> processed, List<long[]> committed) {
        return new Observations(running, first, checkpoints, processed, committed, List.of(), List.of(),
                OptionalLong.empty(), List.of());
    }

    private static CheckpointTimes checkpoint(long triggered, long completed) {
        return new CheckpointTimes(triggered, completed);
    }

    @Test
    void aTaskFaultHasAllFourClocks() {
        // Given a restart: attempts 1 RUNNING at +300/+400 ms, a first record at +450 ms, a checkpoint at +900 ms
        Observations seen = seen(List.of(new AttemptEvent(3, 1, T0 + 300), new AttemptEvent(4, 1, T0 + 400)),
                List.of(new AttemptEvent(3, 1, T0 + 450), new AttemptEvent(4, 1, T0 + 700)),
                List.of(checkpoint(T0 - 300, T0 - 200), checkpoint(T0 + 800, T0 + 900), checkpoint(T0 + 1800, T0 + 1900)),
                throughput(500, 1.0), List.of());

        // When
        RecoveryClock clock = RecoveryClock.measure(FaultKind.TASK_EXCEPTION, T0, T0, seen);

        // Then
        assertThat(RecoveryClock.since(T0, clock.t1())).as("T1: the last restarted task RUNNING").hasValue(400);
        assertThat(RecoveryClock.since(T0, clock.t2())).as("T2: the first record of a restarted attempt").hasValue(450);
        assertThat(RecoveryClock.since(T0, clock.t3())).as("T3: first checkpoint triggered after T0").hasValue(900);
        assertThat(clock.recoveryMillis()).as("recovery = T2 − T0").hasValue(450);
        assertThat(clock.baselinePerSecond()).as("baseline: the 3 s before T0").hasValueCloseTo(1000.0, within(1));
        assertThat(RecoveryClock.since(T0, clock.t4()).orElseThrow()).as("T4: a full-rate window after the pause")
                .isBetween(1_400L, 1_600L);
    }

    @Test
    void aKilledLeaderRecoversWhenItsPartitionsWereCountedFromTheirNewLeaders() {
        // Given records flowing on throughout (the other partitions never stopped), and the killed broker's
        // partitions counted from their new leaders 3.2 s after the kill
        Observations flowing = seen(List.of(), List.of(), List.of(checkpoint(T0 + 800, T0 + 900)), throughput(0, 1.0),
                throughput(0, 1.0));

        // When
        RecoveryClock clock = RecoveryClock.measure(FaultKind.BROKER_LEADER_KILL, T0, T0 + 5_000,
                flowing.withCountedFromNewLeadersAt(OptionalLong.of(T0 + 3_200)));
        RecoveryClock notYet = RecoveryClock.measure(FaultKind.BROKER_LEADER_KILL, T0, T0 + 5_000, flowing);

        // Then recovery is that commit, not the first record or commit after T0 (those came from other partitions)
        assertThat(clock.recoveryMillis()).as("recovery").hasValue(3_200);
        assertThat(clock.basis()).as("basis").contains("every partition the killed broker led");
        assertThat(clock.t1()).as("no task restarted: no T1").isEmpty();
        assertThat(notYet.recoveryMillis()).as("before they were counted").isEmpty();
    }

    @Test
    void theFirstRecordOfAnAttemptThatNeverRestartedIsNotT2() {
        // Given a subtask of the job's first attempt reading its first record after T0 (its partition was empty
        // until then), and the restarted attempt's first record later
        Observations seen = seen(List.of(new AttemptEvent(0, 1, T0 + 300)),
                List.of(new AttemptEvent(7, 0, T0 + 100), new AttemptEvent(0, 1, T0 + 450)),
                List.of(), throughput(0, 1.0), List.of());

        // When
        RecoveryClock clock = RecoveryClock.measure(FaultKind.TASK_EXCEPTION, T0, T0, seen);

        // Then
        assertThat(RecoveryClock.since(T0, clock.t2())).as("T2 is the restarted attempt's, not attempt 0's")
                .hasValue(450);
        assertThat(clock.recoveryMillis()).as("recovery").hasValue(450);
    }

    @Test
    void aResumedProcessCountsItsFirstAttempts() {
        // Given a new process whose job starts at attempt 0 after the kill
        Observations seen = seen(List.of(new AttemptEvent(0, 0, T0 + 6000)), List.of(new AttemptEvent(0, 0, T0 + 6500)),
                List.of(), List.of(), List.of());

        RecoveryClock clock = RecoveryClock.measure(FaultKind.PROCESS_KILL, T0, T0, seen);

        assertThat(clock.recoveryMillis()).as("recovery = the resumed job's first record").hasValue(6500);
        assertThat(RecoveryClock.since(T0, clock.t1())).as("T1").hasValue(6000);
    }

    @Test
    void aCheckpointInFlightAtT0IsNotT3() {
        // Given a checkpoint triggered before T0 that completed 20 ms after it, and the next one triggered after T0
        Observations seen = seen(List.of(), List.of(),
                List.of(checkpoint(T0 - 500, T0 + 20), checkpoint(T0 + 500, T0 + 700)), throughput(0, 1.0), List.of());

        RecoveryClock clock = RecoveryClock.measure(FaultKind.TASKMANAGER_STOP, T0, T0, seen);

        assertThat(RecoveryClock.since(T0, clock.t3())).as("T3: the first checkpoint triggered after T0").hasValue(700);
    }

    @Test
    void theBaselineComesFromAWindowInWhichThePipelineRanFreely() {
        // Given 1,000 records/s, except that the producer was held for the 2 s before T0 (nothing flowed)
        List<long[]> samples = new ArrayList<>();
        long count = 1;
        for (long t = T0 - 8_000; t <= T0 + 5_000; t += 100) {
            samples.add(new long[] {t, count});
            boolean held = t >= T0 - 2_000 && t < T0;
            count += held ? 0 : 100;
        }
        Observations held = new Observations(List.of(), List.of(), List.of(), samples, List.of(), List.of(),
                List.of(new Interval(T0 - 2_000, T0)), OptionalLong.empty(), List.of());

        // When
        RecoveryClock clock = RecoveryClock.measure(FaultKind.REDIS_RESTART, T0, T0, held);

        // Then the baseline is the free 3 s before the hold, not the hold itself
        assertThat(clock.baselinePerSecond()).as("baseline from before the hold").hasValueCloseTo(1000.0, within(1));
        assertThat(RecoveryClock.since(T0, clock.t4())).as("T4: the first full-rate second after T0").hasValue(1000);

        // And with no free window before T0 there is no baseline and no T4
        Observations alwaysDisturbed = new Observations(List.of(), List.of(), List.of(), samples, List.of(), List.of(),
                List.of(new Interval(T0 - 8_000, T0)), OptionalLong.empty(), List.of());
        RecoveryClock none = RecoveryClock.measure(FaultKind.REDIS_RESTART, T0, T0, alwaysDisturbed);
        assertThat(none.baselinePerSecond()).as("no baseline").isEmpty();
        assertThat(none.t4()).as("no T4 without a baseline").isEmpty();
    }

    @Test
    void aBaselineNeedsRecordsFlowing() {
        // Given nothing processed before T0 (the job had not started reading)
        List<long[]> samples = List.of(new long[] {T0 - 4000, 0}, new long[] {T0, 0}, new long[] {T0 + 2000, 5000});
        Observations seen = seen(List.of(), List.of(), List.of(), samples, List.of());

        assertThat(RecoveryClock.measure(FaultKind.TASK_EXCEPTION, T0, T0, seen).baselinePerSecond())
                .as("no baseline from a pipeline that had not started").isEmpty();
    }

    @Test
    void aRedisStallRecoversAtTheFirstCommitAfterRedisCameBack() {
        // Given commits every second, none while Redis was paused from T0 to T0 + 2 s, then one at T0 + 2.1 s
        List<long[]> committed = List.of(new long[] {T0 - 1000, 500}, new long[] {T0, 1000},
                new long[] {T0 + 1000, 1000}, new long[] {T0 + 2050, 1000}, new long[] {T0 + 2100, 3000});
        // And a checkpoint triggered and completed during the stall (commits are not part of a checkpoint)
        Observations seen = seen(List.of(), List.of(), List.of(checkpoint(T0 + 800, T0 + 900)), throughput(0, 1.0),
                committed);

        // When
        RecoveryClock clock = RecoveryClock.measure(FaultKind.REDIS_STALL, T0, T0 + 2000, seen);

        // Then
        assertThat(clock.t1()).as("T1 without restarts").isEmpty();
        assertThat(clock.t2()).as("T2 without restarts").isEmpty();
        assertThat(RecoveryClock.since(T0, clock.t3())).as("T3 does not see the stall").hasValue(900);
        assertThat(clock.recoveryMillis()).as("recovery = first commit after the stall").hasValue(2100);
    }

    @Test
    void aContainerFaultRecoversAsTheFaultThatStopsTheSameServer() {
        // Given commits every second, none while the Redis container was down from T0 to T0 + 2 s, one at T0 + 2.1 s
        List<long[]> committed = List.of(new long[] {T0 - 1000, 500}, new long[] {T0, 1000},
                new long[] {T0 + 1000, 1000}, new long[] {T0 + 2050, 1000}, new long[] {T0 + 2100, 3000});
        Observations seen = seen(List.of(), List.of(), List.of(checkpoint(T0 + 800, T0 + 900)), throughput(0, 1.0),
                committed);

        // When the Redis container was killed, frozen or cut off, and when the broker container was
        RecoveryClock killed = RecoveryClock.measure(FaultKind.CONTAINER_KILL, Optional.of(ServerRole.REDIS), T0,
                T0 + 2000, seen);
        RecoveryClock cut = RecoveryClock.measure(FaultKind.NETWORK_PARTITION, Optional.of(ServerRole.REDIS), T0,
                T0 + 2000, seen);
        RecoveryClock broker = RecoveryClock.measure(FaultKind.CONTAINER_PAUSE, Optional.of(ServerRole.KAFKA), T0,
                T0 + 2000, seen);

        // Then a Redis container's recovery is the first commit after it was back, as a killed Redis's
        assertThat(killed.recoveryMillis()).as("killed Redis container").hasValue(2100)
                .isEqualTo(RecoveryClock.measure(FaultKind.REDIS_RESTART, T0, T0 + 2000, seen).recoveryMillis());
        assertThat(killed.basis()).as("basis").isEqualTo("first commit after the killed Redis container was back");
        assertThat(cut.recoveryMillis()).as("cut-off Redis container").hasValue(2100);
        assertThat(cut.basis()).as("basis").isEqualTo("first commit after the Redis container was connected again");
        // And a broker container's the first record processed after it was thawed, as a hung broker's
        assertThat(broker.recoveryMillis()).as("frozen broker container")
                .isEqualTo(RecoveryClock.measure(FaultKind.KAFKA_BLACKHOLE, T0, T0 + 2000, seen).recoveryMillis())
                .isPresent();
        assertThat(broker.basis()).as("basis").isEqualTo("first record processed after the broker container was thawed");
    }

    @Test
    void aDelayOnRedisRecoversAtTheFirstCommitAfterItWasRemoved() {
        // Given commits going on, slower, while Redis was delayed from T0 to T0 + 2 s, then one at T0 + 2.3 s
        List<long[]> committed = List.of(new long[] {T0 - 1000, 500}, new long[] {T0, 1000},
                new long[] {T0 + 1000, 1500}, new long[] {T0 + 2000, 2000}, new long[] {T0 + 2100, 2000},
                new long[] {T0 + 2300, 2600});
        Observations seen = seen(List.of(), List.of(), List.of(), throughput(0, 1.0), committed);

        // When
        RecoveryClock clock = RecoveryClock.measure(FaultKind.NETWORK_DELAY, Optional.of(ServerRole.REDIS), T0,
                T0 + 2000, seen);

        // Then commits made during the delay do not count: the first after it was removed does
        assertThat(clock.recoveryMillis()).as("recovery").hasValue(2300);
        assertThat(clock.basis()).as("basis").isEqualTo("first commit after the delay on Redis was removed");
    }

    @Test
    void aContainerFaultNeedsTheServerItHit() {
        Observations seen = seen(List.of(), List.of(), List.of(), throughput(0, 1.0), List.of());
        assertThatThrownBy(
                () -> RecoveryClock.measure(FaultKind.CONTAINER_KILL, Optional.empty(), T0, T0, seen))
                .as("no server").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the server");
    }

    @Test
    void recordsTheSourceHadBufferedBeforeABrokerRestartDoNotCount() {
        // Given the broker back at T0 + 600 ms; the job still processing records it had fetched before the
        // restart until T0 + 800 ms, then nothing until the restarted broker served the topic at T0 + 1,200 ms
        List<long[]> processed = new ArrayList<>();
        long count = 10_000;
        for (long t = T0 - 3_000; t <= T0 + 3_000; t += 100) {
            processed.add(new long[] {t, count});
            boolean stopped = t >= T0 + 800 && t < T0 + 1_300;
            count += stopped ? 0 : 100;
        }
        List<long[]> served = List.of(new long[] {T0 - 100, 50_000}, new long[] {T0 + 600, 50_000},
                new long[] {T0 + 1_100, 50_000}, new long[] {T0 + 1_200, 58_000});
        Observations seen = new Observations(List.of(), List.of(), List.of(), processed, List.of(), served, List.of(),
                OptionalLong.empty(), List.of());

        // When
        RecoveryClock clock = RecoveryClock.measure(FaultKind.BROKER_RESTART, T0, T0 + 600, seen);

        // Then recovery is the first record after the restarted broker served, not a buffered one at +700 ms
        assertThat(clock.recoveryMillis()).as("recovery").hasValue(1_400);
    }

    @Test
    void aBrokerRestartWithoutServedBytesRecoversAtTheFirstRecordAfterTheBrokerWasBack() {
        // Given a broker in a container, back at T0 + 600 ms, of which no served bytes are sampled; the job
        // processing nothing from T0 to T0 + 1,000 ms
        List<long[]> processed = new ArrayList<>();
        long count = 10_000;
        for (long t = T0 - 3_000; t <= T0 + 3_000; t += 100) {
            processed.add(new long[] {t, count});
            count += t >= T0 && t < T0 + 1_000 ? 0 : 100;
        }
        Observations seen = new Observations(List.of(), List.of(), List.of(), processed, List.of(), List.of(), List.of(),
                OptionalLong.empty(), List.of());

        // When
        RecoveryClock clock = RecoveryClock.measure(FaultKind.BROKER_RESTART, T0, T0 + 600, seen);

        // Then recovery is the first record processed after the broker was back, and the reason says what it is
        assertThat(clock.recoveryMillis()).as("recovery").hasValue(1_100);
        assertThat(clock.basis()).as("basis").contains("after the restarted broker was back")
                .contains("no served-bytes metric");
    }

    @Test
    void poisonRecoversAtTheFirstCheckpointAfterThePoisonWasRead() {
        // Given poison written at T0 and read by the job at T0 + 1,500 ms; checkpoints every second
        Observations seen = new Observations(List.of(), List.of(),
                List.of(checkpoint(T0 + 200, T0 + 300), checkpoint(T0 + 1_200, T0 + 1_300),
                        checkpoint(T0 + 2_200, T0 + 2_300)),
                throughput(0, 1.0), List.of(), List.of(), List.of(), OptionalLong.of(T0 + 1_500), List.of());

        RecoveryClock clock = RecoveryClock.measure(FaultKind.POISON, T0, T0, seen);

        assertThat(RecoveryClock.since(T0, clock.t3())).as("T3: any checkpoint after T0").hasValue(300);
        assertThat(clock.recoveryMillis()).as("recovery: the checkpoint triggered after the poison was read")
                .hasValue(2_300);

        // And while the poison has not been read, it has not recovered
        Observations unread = new Observations(List.of(), List.of(), seen.checkpoints(), seen.processed(), List.of(),
                List.of(), List.of(), OptionalLong.empty(), List.of());
        assertThat(RecoveryClock.measure(FaultKind.POISON, T0, T0, unread).recoveryMillis()).as("unread").isEmpty();
    }

    @Test
    void throughputThatNeverComesBackLeavesT4Empty() {
        Observations seen = seen(List.of(), List.of(), List.of(), throughput(0, 0.5), List.of());

        assertThat(RecoveryClock.measure(FaultKind.REDIS_RESTART, T0, T0, seen).t4()).as("T4 at half rate").isEmpty();
        assertThat(RecoveryClock.measure(FaultKind.REDIS_RESTART, T0, T0, seen).recoveryMillis())
                .as("no commit seen: not recovered").isEqualTo(OptionalLong.empty());
    }

    @Test
    void eventsBeforeT0DoNotCount() {
        Observations seen = seen(List.of(new AttemptEvent(0, 1, T0 - 10)), List.of(new AttemptEvent(0, 1, T0 - 5)),
                List.of(checkpoint(T0 - 10, T0 - 1)), List.of(), List.of());

        RecoveryClock clock = RecoveryClock.measure(FaultKind.TASKMANAGER_STOP, T0, T0, seen);

        assertThat(clock.t1()).isEmpty();
        assertThat(clock.t2()).isEmpty();
        assertThat(clock.t3()).isEmpty();
        assertThat(clock.t4()).as("no samples").isEmpty();
    }

    private static org.assertj.core.data.Offset<Double> within(double delta) {
        return org.assertj.core.data.Offset.offset(delta);
    }

    @Test
    void aCrashedTaskManagerIsDetectedWhenTheJobManagerRecordedTheFailure() {
        // Given a TaskManager killed at T0, a failure recorded before it (an earlier fault) and one 1,200 ms after
        List<AttemptEvent> running = List.of(new AttemptEvent(3, 1, T0 + 1_500));
        List<AttemptEvent> first = List.of(new AttemptEvent(3, 1, T0 + 1_700));
        Observations seen = new Observations(running, first, List.of(), throughput(0, 1.0), List.of(), List.of(),
                List.of(), OptionalLong.empty(), List.of(T0 - 5_000, T0 + 1_200, T0 + 1_250));

        // When
        RecoveryClock killed = RecoveryClock.measure(FaultKind.TASKMANAGER_KILL, T0, T0, seen);
        RecoveryClock frozen = RecoveryClock.measure(FaultKind.TASKMANAGER_FREEZE, T0, T0, seen);
        RecoveryClock thrown = RecoveryClock.measure(FaultKind.TASK_EXCEPTION, T0, T0, seen);

        // Then detection is the first failure at or after T0, and recovery the restarted attempt's first record
        assertThat(RecoveryClock.since(T0, killed.detected())).as("kill detected").hasValue(1_200);
        assertThat(RecoveryClock.since(T0, frozen.detected())).as("freeze detected").hasValue(1_200);
        assertThat(killed.recoveryMillis()).as("kill recovered at T2").hasValue(1_700);
        assertThat(thrown.detected()).as("a task exception has no detection clock").isEmpty();
    }

    @Test
    void aFreezeShorterThanTheHeartbeatTimeoutRecoversWhenRecordsFlowAfterTheThaw() {
        // Given a TaskManager frozen at T0 and thawed at T0 + 2 s, never declared lost: no attempt restarted,
        // nothing processed while frozen, records again from T0 + 2.1 s
        List<long[]> processed = new ArrayList<>();
        long count = 10_000;
        for (long t = T0 - 4_000; t <= T0 + 4_000; t += 100) {
            processed.add(new long[] {t, count});
            boolean frozen = t >= T0 && t < T0 + 2_100;
            count += frozen ? 0 : 100;
        }
        Observations seen = new Observations(List.of(), List.of(), List.of(), processed, List.of(), List.of(),
                List.of(), OptionalLong.empty(), List.of());

        // When
        RecoveryClock clock = RecoveryClock.measure(FaultKind.TASKMANAGER_FREEZE, T0, T0 + 2_000, seen);

        // Then it recovered with the first records after the thaw, and nothing was detected
        assertThat(clock.detected()).as("not declared lost").isEmpty();
        assertThat(clock.recoveryMillis()).as("recovery: records after the thaw").hasValue(2_200);
        assertThat(clock.basis()).as("basis").contains("no failover");
    }
}
