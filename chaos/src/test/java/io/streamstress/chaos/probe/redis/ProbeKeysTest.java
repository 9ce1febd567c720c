package io.streamstress.chaos.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.chaos.probe.FirstRecord;
import io.streamstress.chaos.probe.PoisonRead;
import io.streamstress.chaos.probe.ProbeAttempt;
import io.streamstress.chaos.probe.Thrown;
import org.junit.jupiter.api.Test;

class ProbeKeysTest {

    @Test
    void aPlacementFieldKeepsATaskManagerIdThatHasColons() {
        // Given a standalone TaskManager's id, which holds host:port
        String field = ProbeKeys.placementField(new ProbeAttempt(12, 3, "10.0.0.5:40123-7c1f"));

        // Then
        assertThat(ProbeKeys.subtaskOf(field)).as("subtask").isEqualTo(12);
        assertThat(ProbeKeys.attemptOf(field)).as("attempt").isEqualTo(3);
        assertThat(ProbeKeys.taskManagerOf(field)).as("TaskManager").isEqualTo("10.0.0.5:40123-7c1f");
    }

    @Test
    void eventsReadBackAsTheyWereWritten() {
        String attempt = ProbeKeys.attemptField(4, 1);

        assertThat(ProbeKeys.firstRecord(attempt, "1700000000123")).as("first record")
                .isEqualTo(new FirstRecord(4, 1, 1_700_000_000_123L));
        assertThat(ProbeKeys.thrown(attempt, ProbeKeys.thrownValue(1_700_000_000_456L, 1_502))).as("thrown")
                .isEqualTo(new Thrown(4, 1, 1_700_000_000_456L, 1_502));
        assertThat(ProbeKeys.poisonRead(ProbeKeys.poisonField(7, 123_456_789_012L), "99")).as("poison read")
                .isEqualTo(new PoisonRead(7, 123_456_789_012L, 99));
    }

    @Test
    void allKeysShareThePrefix() {
        assertThat(new ProbeKeys("streamstress:run-1:probe:").all()).as("keys").hasSize(8).doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).startsWith("streamstress:run-1:probe:"));
    }
}
