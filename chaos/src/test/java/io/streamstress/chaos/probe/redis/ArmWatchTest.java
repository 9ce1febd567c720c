package io.streamstress.chaos.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArmWatchTest {

    private final ArmWatch watch = new ArmWatch();

    @Test
    void nothingToTakeUntilAnAnswerReportsAnArm() {
        assertThat(watch.worthTaking()).as("before any answer").isFalse();
        watch.polled(0);
        assertThat(watch.worthTaking()).as("no arm pending").isFalse();
        watch.polled(1);
        assertThat(watch.worthTaking()).as("an arm pending").isTrue();
    }

    @Test
    void afterARefusalItWaitsForANewerAnswer() {
        // Given an answer reported an arm, but the take found none (another attempt took it)
        watch.polled(1);
        watch.refused();

        // Then no second take on the same answer
        assertThat(watch.worthTaking()).as("on the stale answer").isFalse();

        // When a newer answer still reports one
        watch.polled(1);

        // Then
        assertThat(watch.worthTaking()).as("on a newer answer").isTrue();
    }

    @Test
    void aTakeWithoutAnswerIsTriedAgainOnceRedisAnswersEvenWithNoArmLeft() {
        // Given a take timed out (a stall): Redis may have taken the arm for this attempt
        watch.polled(1);
        watch.noAnswer();

        // Then no retry while Redis is silent
        assertThat(watch.worthTaking()).as("while silent").isFalse();

        // When it answers again, reporting no arm (the timed-out take consumed it)
        watch.polled(0);

        // Then the same token is tried again: it will answer that this attempt holds the arm
        assertThat(watch.worthTaking()).as("after the stall").isTrue();
        watch.refused();
        watch.polled(0);
        assertThat(watch.worthTaking()).as("after a refusal, with none pending").isFalse();
    }
}
