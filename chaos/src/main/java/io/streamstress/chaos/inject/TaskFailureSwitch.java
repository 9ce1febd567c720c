package io.streamstress.chaos.inject;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Arms subtasks to throw at their next opportunity. The harness arms; the {@link ChaosTap} of that subtask
 * consumes the arm and throws. JVM-wide: the harness and the tasks share a JVM in a MiniCluster.
 */
public final class TaskFailureSwitch {

    private static final ConcurrentHashMap<Integer, AtomicInteger> ARMED = new ConcurrentHashMap<>();
    private static volatile boolean anyArmed;

    private TaskFailureSwitch() {}

    /** Makes {@code subtask} throw once more. */
    public static void arm(int subtask) {
        ARMED.computeIfAbsent(subtask, s -> new AtomicInteger()).incrementAndGet();
        anyArmed = true;
    }

    /** Whether {@code subtask} has an arm pending (cheap: one volatile read when nothing is armed). */
    static boolean isArmed(int subtask) {
        if (!anyArmed) {
            return false;
        }
        AtomicInteger arms = ARMED.get(subtask);
        return arms != null && arms.get() > 0;
    }

    /** Takes one arm of {@code subtask}; false when there was none. */
    static boolean consume(int subtask) {
        AtomicInteger arms = ARMED.get(subtask);
        return arms != null && arms.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** Disarms everything. */
    public static void reset() {
        ARMED.clear();
        anyArmed = false;
    }
}
