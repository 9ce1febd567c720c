package io.streamstress.runner.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegisteredTaskManagerTest {

    @Test
    void aTaskManagerListedBeforeItsSlotReportIsNeitherReadyNorIdle() {
        // Given a TaskManager the JobManager lists with 0 slots, 0 free (registered, slot report not yet in)
        RegisteredTaskManager early = new RegisteredTaskManager("tm-0", 0, 0);

        // Then it cannot take tasks yet, and "all its slots free" says nothing about it
        assertThat(early.ready()).as("ready before the slot report").isFalse();
        assertThat(early.idle()).as("idle before the slot report").isFalse();
    }

    @Test
    void aReportedTaskManagerIsIdleOnlyWithEverySlotFree() {
        assertThat(new RegisteredTaskManager("tm-0", 2, 2).idle()).as("2 of 2 free").isTrue();
        assertThat(new RegisteredTaskManager("tm-0", 2, 1).idle()).as("1 of 2 free").isFalse();
        assertThat(new RegisteredTaskManager("tm-0", 2, 1).ready()).as("ready with a slot taken").isTrue();
    }
}
