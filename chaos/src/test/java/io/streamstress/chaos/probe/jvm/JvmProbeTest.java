package io.streamstress.chaos.probe.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.chaos.probe.FirstRecord;
import io.streamstress.chaos.probe.ProbeAttempt;
import io.streamstress.chaos.probe.ProbeEnds;
import io.streamstress.chaos.probe.ProbeWriter;
import io.streamstress.chaos.probe.Thrown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JvmProbeTest {

    private final ProbeEnds probe = JvmProbe.open();

    @AfterEach
    void forget() {
        probe.reader().reset();
    }

    @Test
    void whatTheWritersReportTheReaderSeesAtOnce() {
        // Given two attempts of subtask 0 on two TaskManagers and one of subtask 1
        probe.reader().reset();
        ProbeWriter first = probe.channel().open(new ProbeAttempt(0, 0, "tm-a"));
        ProbeWriter restarted = probe.channel().open(new ProbeAttempt(0, 1, "tm-b"));
        ProbeWriter other = probe.channel().open(new ProbeAttempt(1, 0, "tm-b"));

        // When they process 3, 2 and 4 records, note first records and sample latencies
        for (int i = 0; i < 3; i++) {
            first.processed();
        }
        for (int i = 0; i < 2; i++) {
            restarted.processed();
        }
        for (int i = 0; i < 4; i++) {
            other.processed();
        }
        first.firstRecord(100);
        restarted.firstRecord(200);
        first.latency(1_000, 2_000);
        other.latency(3_000, 4_000);

        // Then
        assertThat(probe.reader().processedCount()).as("processed").isEqualTo(9);
        assertThat(probe.reader().processedPerSubtask()).as("per subtask").containsEntry(0, 5L).containsEntry(1, 4L);
        assertThat(probe.reader().processedPerTaskManager()).as("per TaskManager")
                .containsEntry("tm-a", 3L).containsEntry("tm-b", 6L);
        assertThat(probe.reader().firstRecords()).as("first records")
                .containsExactly(new FirstRecord(0, 0, 100), new FirstRecord(0, 1, 200));
        assertThat(probe.reader().latencySinceLastCall().getTotalCount()).as("latencies").isEqualTo(2);
        assertThat(probe.reader().latencySinceLastCall().getTotalCount()).as("latencies since then").isZero();
        assertThat(probe.reader().intendedLatencySinceLastCall().getMaxValue()).as("largest intended latency")
                .isBetween(3_990L, 4_010L);
    }

    @Test
    void anArmIsTakenOnceByTheArmedSubtaskOnly() {
        // Given subtask 2 armed once
        probe.reader().reset();
        ProbeWriter two = probe.channel().open(new ProbeAttempt(2, 0, "tm"));
        ProbeWriter three = probe.channel().open(new ProbeAttempt(3, 0, "tm"));
        probe.reader().arm(2);

        // Then only subtask 2 sees it, and takes it once
        assertThat(three.mayBeArmed()).as("other subtask armed").isFalse();
        assertThat(two.mayBeArmed()).as("armed subtask armed").isTrue();
        assertThat(two.takeArm()).as("first take").isTrue();
        assertThat(two.takeArm()).as("second take").isFalse();

        // When it reports its throw, and an arm placed later is withdrawn
        two.thrown(500, 1_600);
        probe.reader().arm(3);
        probe.reader().disarm();

        // Then
        assertThat(probe.reader().thrown()).as("thrown").containsExactly(new Thrown(2, 0, 500, 1_600));
        assertThat(three.mayBeArmed()).as("withdrawn arm").isFalse();
    }
}
