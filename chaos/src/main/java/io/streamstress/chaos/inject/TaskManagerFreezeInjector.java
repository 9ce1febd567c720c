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

    private final TaskManagerControl taskManagers;
    private final Duration frozenFor;

    public TaskManagerFreezeInjector(TaskManagerControl taskManagers, Duration frozenFor) {
        this.taskManagers = taskManagers;
        this.frozenFor = frozenFor;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        TaskManagerControl.FrozenTaskManager frozen = taskManagers.freeze(fault.target());
        String afterThaw;
        long thawedAt;
        try {
            Thread.sleep(frozenFor.toMillis());
        } finally {
            thawedAt = System.currentTimeMillis();
            afterThaw = frozen.thaw();
        }
        return new Injection(frozen.frozenAtMillis(), String.format("%s frozen (SIGSTOP) for %.1f s, then thawed "
                + "(SIGCONT): %s", frozen.description(), frozenFor.toMillis() / 1000.0, afterThaw),
                OptionalLong.of(thawedAt));
    }
}
