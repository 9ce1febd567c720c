package io.streamstress.chaos.probe.redis;

import io.streamstress.chaos.probe.FirstRecord;
import io.streamstress.chaos.probe.PoisonRead;
import io.streamstress.chaos.probe.ProbeAttempt;
import io.streamstress.chaos.probe.Thrown;

/**
 * The Redis keys of a probe channel, all under the harness's prefix (e.g. {@code streamstress:<run>:probe:}), and
 * the format of their hash fields: {@code subtask:attempt} for an attempt, {@code subtask:attempt:taskManager}
 * for where it ran (a TaskManager id may itself contain colons), {@code partition:offset} for a poison record.
 */
final class ProbeKeys {

    private final String prefix;

    ProbeKeys(String prefix) {
        this.prefix = prefix;
    }

    /** Hash: placement field → records the attempt processed (absolute). */
    String processed() {
        return prefix + "processed";
    }

    /** Hash: attempt field → the attempt's latency histogram from produce time (encoded, absolute). */
    String latency() {
        return prefix + "latency";
    }

    /** Hash: attempt field → the attempt's latency histogram from intended send time (encoded, absolute). */
    String intendedLatency() {
        return prefix + "latency-intended";
    }

    /** Hash: attempt field → time of its first record (ms). */
    String firstRecords() {
        return prefix + "first-records";
    }

    /** Hash: attempt field → {@code atMillis:recordsSinceBarrier} of its injected failure. */
    String thrown() {
        return prefix + "thrown";
    }

    /** Hash: poison field → time the record was first read (ms). */
    String poisonReads() {
        return prefix + "poison-reads";
    }

    /** Hash: subtask → arms placed and not taken yet. */
    String arms() {
        return prefix + "arms";
    }

    /** Hash: attempt field → 1 once the attempt took an arm (makes a repeated take answer the same). */
    String armsTaken() {
        return prefix + "arms-taken";
    }

    String[] all() {
        return new String[] {processed(), latency(), intendedLatency(), firstRecords(), thrown(), poisonReads(), arms(),
                armsTaken()};
    }

    static String attemptField(int subtask, int attempt) {
        return subtask + ":" + attempt;
    }

    static String placementField(ProbeAttempt attempt) {
        return attemptField(attempt.subtask(), attempt.attempt()) + ":" + attempt.taskManager();
    }

    static String poisonField(int partition, long offset) {
        return partition + ":" + offset;
    }

    /** The subtask of an attempt or placement field. */
    static int subtaskOf(String field) {
        return Integer.parseInt(field.substring(0, field.indexOf(':')));
    }

    /** The attempt number of an attempt or placement field. */
    static int attemptOf(String field) {
        int first = field.indexOf(':');
        int second = field.indexOf(':', first + 1);
        return Integer.parseInt(second < 0 ? field.substring(first + 1) : field.substring(first + 1, second));
    }

    /** The TaskManager id of a placement field. */
    static String taskManagerOf(String placementField) {
        int first = placementField.indexOf(':');
        return placementField.substring(placementField.indexOf(':', first + 1) + 1);
    }

    static FirstRecord firstRecord(String field, String value) {
        return new FirstRecord(subtaskOf(field), attemptOf(field), Long.parseLong(value));
    }

    static String thrownValue(long atMillis, long recordsSinceBarrier) {
        return atMillis + ":" + recordsSinceBarrier;
    }

    static Thrown thrown(String field, String value) {
        int colon = value.indexOf(':');
        return new Thrown(subtaskOf(field), attemptOf(field), Long.parseLong(value.substring(0, colon)),
                Long.parseLong(value.substring(colon + 1)));
    }

    static PoisonRead poisonRead(String field, String value) {
        int colon = field.indexOf(':');
        return new PoisonRead(Integer.parseInt(field.substring(0, colon)), Long.parseLong(field.substring(colon + 1)),
                Long.parseLong(value));
    }
}
