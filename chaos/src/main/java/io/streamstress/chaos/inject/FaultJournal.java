package io.streamstress.chaos.inject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where injectors record what they did. One journal per JVM: with a MiniCluster the harness and the tasks
 * share it; on a remote cluster it lives in the TaskManager and the harness relies on Flink's own restart
 * counts instead.
 */
public final class FaultJournal {

    private static final List<InjectedFault> FAULTS = new CopyOnWriteArrayList<>();

    private FaultJournal() {}

    static void record(InjectedFault fault) {
        FAULTS.add(fault);
    }

    /** Everything injected in this JVM since the last {@link #clear()}. */
    public static List<InjectedFault> injected() {
        return List.copyOf(FAULTS);
    }

    public static void clear() {
        FAULTS.clear();
    }
}
