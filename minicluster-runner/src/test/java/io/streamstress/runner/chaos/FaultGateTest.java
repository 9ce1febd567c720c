package io.streamstress.runner.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamstress.chaos.plan.FaultPlan;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FaultGateTest {

    private static final FaultPlan PLAN = FaultPlan.parse("task-exception@40%,redis-stall@10s,poison@70%", 1, 4);

    private static CompletableFuture<Void> passing(FaultGate gate, long messageId) {
        return CompletableFuture.runAsync(() -> {
            try {
                gate.awaitPassage(messageId);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void holdsTheProducerAtAProgressFaultUntilItStarts() {
        // Given 1,000 messages: holds at message 400 (fault 0) and 700 (fault 2); the timed fault holds nothing
        FaultGate gate = new FaultGate(PLAN, 1_000, Set.of());

        // Then messages before the first hold pass
        assertThat(passing(gate, 399)).as("message 399").succeedsWithin(Duration.ofSeconds(5));
        // And message 400 waits for fault 0
        CompletableFuture<Void> atHold = passing(gate, 400);
        assertThat(atHold).as("message 400 before fault 0 started").failsWithin(Duration.ofMillis(300));

        // When the director starts fault 0
        gate.start(0);

        // Then it passes, up to the next hold
        assertThat(atHold).as("message 400 after fault 0 started").succeedsWithin(Duration.ofSeconds(5));
        assertThat(passing(gate, 700)).as("message 700 before fault 2 started").failsWithin(Duration.ofMillis(300));
    }

    @Test
    void whileAFaultsRecoveryIsAwaitedTheProducerPassesAHoldByOnePercentOfTheRunThenAtATrickle() {
        // Given the producer held at fault 0's position, message 400 of 1,000
        FaultGate gate = new FaultGate(PLAN, 1_000, Set.of());
        CompletableFuture<Void> atHold = passing(gate, 400);
        assertThat(atHold).as("message 400 before fault 0 started").failsWithin(Duration.ofMillis(300));

        // When the director awaits an earlier fault's recovery, which may need records the hold keeps back
        gate.recovering(true);

        // Then the producer passes, by 1 % of the run (10 messages), then by one batch a second: the next fault still
        // finds records being produced, not a producer that has finished, and a recovery that needs new records
        // gets them
        assertThat(atHold).as("message 400 while a recovery is awaited").succeedsWithin(Duration.ofSeconds(5));
        assertThat(passing(gate, 409)).as("message 409 while a recovery is awaited").succeedsWithin(Duration.ofSeconds(5));
        assertThat(passing(gate, 410)).as("message 410, the trickle's first batch").succeedsWithin(Duration.ofSeconds(5));
        long trickled = System.nanoTime();
        CompletableFuture<Void> beyondSlack = passing(gate, 411);
        assertThat(beyondSlack).as("message 411, the trickle's next batch").succeedsWithin(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - trickled)).as("the trickle's period")
                .isGreaterThanOrEqualTo(FaultGate.TRICKLE_PERIOD.minusMillis(50));

        // And once the recovery is over, the hold lasts until fault 0 starts
        gate.recovering(false);
        CompletableFuture<Void> afterRecovery = passing(gate, 412);
        assertThat(afterRecovery).as("message 412 after the recovery").failsWithin(Duration.ofMillis(300));
        gate.start(0);
        assertThat(afterRecovery).as("message 412 after fault 0 started").succeedsWithin(Duration.ofSeconds(5));
        assertThat(passing(gate, 700)).as("message 700 before fault 2 started").failsWithin(Duration.ofMillis(300));
    }

    @Test
    void theSpansTheProducerWasHeldAreRecorded() throws Exception {
        // Given a producer held at message 400
        FaultGate gate = new FaultGate(PLAN, 1_000, Set.of());
        passing(gate, 399).get();
        assertThat(gate.holds()).as("nothing held while messages pass").isEmpty();
        long before = System.currentTimeMillis();
        CompletableFuture<Void> atHold = passing(gate, 400);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (gate.holds().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(gate.holds()).as("the hold in progress").singleElement()
                .satisfies(hold -> assertThat(hold.fromMillis()).isGreaterThanOrEqualTo(before));
        assertThat(atHold).as("the producer while the hold lasts").isNotDone();
        long seenHeld = System.currentTimeMillis();

        // When fault 0 starts
        gate.start(0);
        atHold.get();

        // Then the hold is one span, from when the producer stopped until after it was seen held
        assertThat(gate.holds()).as("holds").singleElement().satisfies(hold -> {
            assertThat(hold.fromMillis()).as("from").isGreaterThanOrEqualTo(before);
            assertThat(hold.untilMillis()).as("until").isGreaterThanOrEqualTo(seenHeld);
        });
    }

    @Test
    void faultsHandledBeforeAResumeAndAReleaseHoldNothing() {
        FaultGate resumed = new FaultGate(PLAN, 1_000, Set.of(0));
        assertThat(passing(resumed, 500)).as("fault 0 handled by the killed process").succeedsWithin(Duration.ofSeconds(5));

        FaultGate released = new FaultGate(PLAN, 1_000, Set.of());
        released.release();
        assertThat(passing(released, 999)).as("released gate").succeedsWithin(Duration.ofSeconds(5));
    }
}
