package io.streamstress.redis.sink.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The at-most-once writer's "handled through sequence N" marks, one per partition, and its skip rule: a record
 * at or below the mark an earlier attempt left is taken as done and skipped. Marks move ahead of the
 * checkpoint (that is the point of the control), so a failure loses the records between the restored
 * checkpoint and the mark; and as a record is either counted (once, by the idempotent commit) or skipped,
 * nothing is ever counted twice.
 *
 * <p>Pure bookkeeping; the writer reads the marks from Redis and writes {@link #drain()} back.
 */
final class HandledMarks {

    /** The marks found when this writer started: the records an earlier attempt took as done. */
    private final Map<Integer, Long> found;
    /** Per partition, the newest sequence counted since the marks were last written. */
    private final Map<Integer, Long> pending = new HashMap<>();
    private long pendingRecords;

    HandledMarks(Map<Integer, Long> found) {
        this.found = Map.copyOf(found);
    }

    /** The marks as Redis holds them (partition → sequence, both as text). */
    static HandledMarks fromRedis(Map<String, String> hash) {
        Map<Integer, Long> marks = new HashMap<>();
        hash.forEach((partition, sequence) -> marks.put(Integer.parseInt(partition), Long.parseLong(sequence)));
        return new HandledMarks(marks);
    }

    /** Whether an earlier attempt marked this record handled: then it is skipped, never counted. */
    boolean isHandled(int partition, long sequence) {
        Long mark = found.get(partition);
        return mark != null && sequence <= mark;
    }

    /** Notes a record that is being counted: the next marks cover it. */
    void counting(int partition, long sequence) {
        pending.merge(partition, sequence, Math::max);
        pendingRecords++;
    }

    /** Records counted since the marks were last drained. */
    long pendingRecords() {
        return pendingRecords;
    }

    /** The marks to write (partition → sequence as text, the form Redis holds), and a fresh start. */
    Map<String, String> drain() {
        Map<String, String> marks = new HashMap<>();
        pending.forEach((partition, sequence) -> marks.put(Integer.toString(partition), Long.toString(sequence)));
        pending.clear();
        pendingRecords = 0;
        return marks;
    }
}
