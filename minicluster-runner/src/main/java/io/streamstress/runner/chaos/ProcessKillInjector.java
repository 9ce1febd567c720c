package io.streamstress.runner.chaos;

import io.streamstress.chaos.inject.FaultInjector;
import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.inject.Injection;
import io.streamstress.chaos.plan.PlannedFault;
import java.util.Optional;

/**
 * Asks the supervising process to kill this one, and waits for the end. First it lets the run hand over what it
 * measured (the resumed process reports the whole run). It never returns when the request is honoured: the
 * resumed process records the fault (with T0 = the kill) instead.
 */
final class ProcessKillInjector implements FaultInjector {

    private final Optional<KillRequest> request;
    private final int faultIndex;
    private final BeforeKill beforeKill;

    ProcessKillInjector(Optional<KillRequest> request, int faultIndex, BeforeKill beforeKill) {
        this.request = request;
        this.faultIndex = faultIndex;
        this.beforeKill = beforeKill;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        if (request.isEmpty()) {
            throw new FaultNotInjectedException("process-kill needs the supervising parent process that stress.jar "
                    + "starts for it; this process was not started that way");
        }
        beforeKill.prepare();
        request.get().write(faultIndex);
        Thread.sleep(Long.MAX_VALUE);
        throw new FaultNotInjectedException("the supervisor did not kill this process");
    }
}
