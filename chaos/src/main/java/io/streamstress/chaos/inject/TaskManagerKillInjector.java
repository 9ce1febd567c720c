package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.target.TaskManagerControl;

/**
 * Kills a TaskManager process that hosts a running task with SIGKILL and starts a spare: a crash, which Flink
 * learns of only when heartbeats to the dead process fail. T0 is the kill.
 */
public final class TaskManagerKillInjector implements FaultInjector {

    private final TaskManagerControl taskManagers;

    public TaskManagerKillInjector(TaskManagerControl taskManagers) {
        this.taskManagers = taskManagers;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        TaskManagerControl.KilledTaskManager killed = taskManagers.kill(fault.target());
        return new Injection(killed.killedAtMillis(), killed.description() + " killed (SIGKILL), spare started");
    }
}
