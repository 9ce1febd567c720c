package io.streamstress.chaos.probe.redis;

import java.util.ArrayList;
import java.util.List;

/**
 * Events of one attempt (first record, thrown, poison reads) that Redis has not confirmed yet. Every batch
 * carries all of them ({@code HSETNX}: a repeat changes nothing); a batch that succeeded confirms the ones it
 * carried, so an event lost in a stall or a restart goes out again with the next batch. Task thread only.
 */
final class PendingEvents {

    /** One {@code HSETNX key field value}. */
    record Event(String key, String field, String value) {}

    private final List<Event> pending = new ArrayList<>();

    void add(Event event) {
        pending.add(event);
    }

    /** The unconfirmed events, oldest first (a batch carries them all). */
    List<Event> unconfirmed() {
        return List.copyOf(pending);
    }

    int size() {
        return pending.size();
    }

    /** A batch that carried the {@code count} oldest events succeeded. */
    void confirm(int count) {
        pending.subList(0, Math.min(count, pending.size())).clear();
    }
}
