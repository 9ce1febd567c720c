package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.target.TaskManagerControl;

/** Stops a TaskManager (graceful stop, not a crash) and starts a replacement. */
public final class TaskManagerStopInjector implements FaultInjector {

    private final TaskManagerControl taskManagers;

    public TaskManagerStopInjector(TaskManagerControl taskManagers) {
        this.taskManagers = taskManagers;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        long t0 = System.currentTimeMillis();
        String stopped = taskManagers.stopAndReplace(fault.target());
        return new Injection(t0, stopped + " stopped gracefully (not a crash), replacement started");
    }
}
