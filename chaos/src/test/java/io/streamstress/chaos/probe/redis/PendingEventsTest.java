package io.streamstress.chaos.probe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingEventsTest {

    private static final PendingEvents.Event FIRST = new PendingEvents.Event("k", "0:0", "1");
    private static final PendingEvents.Event POISON = new PendingEvents.Event("p", "3:10", "2");
    private static final PendingEvents.Event THROWN = new PendingEvents.Event("t", "0:0", "3:1500");

    @Test
    void anEventStaysUntilABatchThatCarriedItSucceeded() {
        // Given two events, sent in a batch that failed (nothing confirmed)
        PendingEvents events = new PendingEvents();
        events.add(FIRST);
        events.add(POISON);
        int carried = events.unconfirmed().size();

        // When another event arrives and the next batch, carrying the first two, succeeds
        events.add(THROWN);
        events.confirm(carried);

        // Then only the event that came after is left to send
        assertThat(events.unconfirmed()).as("unconfirmed").containsExactly(THROWN);
        assertThat(events.size()).as("size").isEqualTo(1);
    }
}
