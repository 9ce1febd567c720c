package io.streamstress.chaos.clock;

import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.ServerRole;
import java.util.function.UnaryOperator;

/**
 * How the recovery of a container fault is told: as that of the fault that stops the same server without a
 * container. A killed Redis container is a killed Redis (the first commit after it is back), a killed broker
 * container a hung broker (the first record processed after it was back: a container restart takes seconds, longer
 * than the source's buffered records last), a frozen or cut-off
 * broker a hung broker (the first record processed after its traffic flowed again), a frozen or cut-off TaskManager
 * a frozen TaskManager (a restarted attempt's first record when Flink declared it lost, else the first record
 * after the thaw).
 */
final class ContainerRecovery {

    /**
     * The fault whose clock a container fault takes.
     *
     * @param kind the fault without a container
     * @param afterEndOnly whether recovery is the first commit once the fault ended, counted from then (a delay:
     *     commits go on, slower, while it lasts)
     * @param basis the basis text, from the analog's
     */
    record Analog(FaultKind kind, boolean afterEndOnly, UnaryOperator<String> basis) {

        String basis(String analogBasis) {
            return basis.apply(analogBasis);
        }
    }

    private ContainerRecovery() {}

    static Analog analog(FaultKind kind, ServerRole role) {
        switch (kind) {
            case CONTAINER_KILL:
                return switch (role) {
                    case REDIS -> new Analog(FaultKind.REDIS_RESTART, false, b -> "first commit after the killed Redis "
                            + "container was back");
                    case KAFKA -> new Analog(FaultKind.KAFKA_BLACKHOLE, false, b -> "first record processed after the "
                            + "killed broker container was back (its admin answered)");
                    case TASKMANAGER -> new Analog(FaultKind.TASKMANAGER_KILL, false, b -> b);
                };
            case CONTAINER_PAUSE:
                return switch (role) {
                    case REDIS -> new Analog(FaultKind.REDIS_STALL, false, b -> "first commit after the Redis container "
                            + "was thawed");
                    case KAFKA -> new Analog(FaultKind.KAFKA_BLACKHOLE, false, b -> "first record processed after the "
                            + "broker container was thawed");
                    case TASKMANAGER -> new Analog(FaultKind.TASKMANAGER_FREEZE, false, b -> b);
                };
            case NETWORK_PARTITION:
                return switch (role) {
                    case REDIS -> new Analog(FaultKind.REDIS_BLACKHOLE, false, b -> "first commit after the Redis "
                            + "container was connected again");
                    case KAFKA -> new Analog(FaultKind.KAFKA_BLACKHOLE, false, b -> "first record processed after the "
                            + "broker container was connected again");
                    case TASKMANAGER -> new Analog(FaultKind.TASKMANAGER_FREEZE, false,
                            b -> b.replace("frozen", "cut-off").replace("the thaw", "the reconnection"));
                };
            case NETWORK_DELAY:
                return switch (role) {
                    case REDIS -> new Analog(FaultKind.REDIS_BLACKHOLE, true, b -> "first commit after the delay on "
                            + "Redis was removed");
                    case KAFKA -> new Analog(FaultKind.KAFKA_LATENCY, false, b -> "first record processed after the "
                            + "delay on the broker was removed");
                    case TASKMANAGER -> new Analog(FaultKind.KAFKA_LATENCY, false, b -> "first record processed after "
                            + "the delay on the TaskManager was removed");
                };
            default:
                throw new IllegalArgumentException(kind + " is not a container fault");
        }
    }
}
