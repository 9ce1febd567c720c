package io.streamstress.chaos.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * One fault of a plan.
 *
 * @param kind what happens
 * @param trigger when it is due
 * @param target which subtask or TaskManager it hits (for kinds that hit one), drawn from the seed
 * @param server the server a container fault hits ({@code container-kill:redis}); empty for the other kinds, and
 *     for a container fault given without one (the run then chooses: see the README's fault table)
 */
public record PlannedFault(FaultKind kind, FaultTrigger trigger, int target, Optional<ServerRole> server) {

    public PlannedFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(server, "server (Optional.empty() for none)");
        if (target < 0) {
            throw new IllegalArgumentException("target must be >= 0, was " + target);
        }
        if (server.isPresent() && !kind.hitsServer()) {
            throw new IllegalArgumentException(kind + " does not take a server (':" + server.get()
                    + "'): only the container faults do, e.g. container-kill:redis");
        }
    }

    /** A fault that names no server. */
    public PlannedFault(FaultKind kind, FaultTrigger trigger, int target) {
        this(kind, trigger, target, Optional.empty());
    }

    /** The same fault on {@code role}: how a run fills in the server of a container fault given without one. */
    public PlannedFault on(ServerRole role) {
        return new PlannedFault(kind, trigger, target, Optional.of(role));
    }

    @Override
    public String toString() {
        return kind + server.map(role -> ":" + role).orElse("")
                + (trigger instanceof FaultTrigger.Asap ? "" : "@" + trigger);
    }
}
