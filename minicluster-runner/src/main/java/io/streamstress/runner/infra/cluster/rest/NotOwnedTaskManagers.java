package io.streamstress.runner.infra.cluster.rest;

import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.target.TaskManagerControl;

/**
 * The TaskManagers of a cluster the harness reaches only by REST: it can neither stop, kill nor freeze them,
 * so every TaskManager fault is reported as not injected (the run goes on and the report says why).
 */
final class NotOwnedTaskManagers implements TaskManagerControl {

    private final String reason;

    /** @param url the cluster, for the message */
    NotOwnedTaskManagers(RestUrl url) {
        this.reason = "the TaskManagers of the Flink cluster at " + url
                + " are not processes the harness owns: use --cluster local for TaskManager faults";
    }

    @Override
    public String stopAndReplace(int ordinal) throws FaultNotInjectedException {
        throw new FaultNotInjectedException(reason);
    }

    @Override
    public KilledTaskManager kill(int ordinal) throws FaultNotInjectedException {
        throw new FaultNotInjectedException(reason);
    }

    @Override
    public FrozenTaskManager freeze(int ordinal) throws FaultNotInjectedException {
        throw new FaultNotInjectedException(reason);
    }
}
