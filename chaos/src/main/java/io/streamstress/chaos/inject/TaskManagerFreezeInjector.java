package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.target.TaskManagerControl;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Freezes a TaskManager process that hosts a running task with SIGSTOP for the stall time, then thaws it with
 * SIGCONT. A frozen process answers nothing: Flink declares it lost only when its heartbeat times out, moves its
 * tasks, and the thawed process comes back as a zombie whose tasks were cancelled (its committables belong to a
 * checkpoint that will never complete, so it cannot double-count). T0 is the freeze.
 */
public final class TaskManagerFreezeInjector implements FaultInjector {

    /** Picks a TaskManager hosting a running task (the {@code ordinal}-th) and freezes it. */
    @FunctionalInterface
    public interface Freezer {
        TaskManagerControl.FrozenTaskManager freeze(int ordinal) throws Exception;
    }

    private final Freezer freezer;
    private final Duration frozenFor;

    public TaskManagerFreezeInjector(TaskManagerControl taskManagers, Duration frozenFor) {
        this(taskManagers::freeze, frozenFor);
    }

    /** With another way to freeze, e.g. {@link TaskManagerControl#cutOff} (the rest is the same: T0, the stall, the thaw). */
    public TaskManagerFreezeInjector(Freezer freezer, Duration frozenFor) {
        this.freezer = freezer;
        this.frozenFor = frozenFor;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        TaskManagerControl.FrozenTaskManager frozen = freezer.freeze(fault.target());
        String afterThaw;
        long thawedAt;
        try {
            Thread.sleep(frozenFor.toMillis());
        } finally {
            thawedAt = System.currentTimeMillis();
            afterThaw = frozen.thaw();
        }
        return new Injection(frozen.frozenAtMillis(), String.format("%s %s for %.1f s, then %s: %s",
                frozen.description(), frozen.how(), frozenFor.toMillis() / 1000.0, frozen.undoing(), afterThaw),
                OptionalLong.of(thawedAt));
    }
}
