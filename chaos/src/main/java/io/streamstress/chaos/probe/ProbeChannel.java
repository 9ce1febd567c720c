package io.streamstress.chaos.probe;

import java.io.Serializable;

/**
 * The task side of a probe channel: a factory that travels with the job (inside the {@code ChaosTap}) and
 * opens one {@link ProbeWriter} per subtask attempt, in the tap's {@code open()}. Serializable, so it must
 * carry settings only (addresses, key prefixes), never connections.
 */
public interface ProbeChannel extends Serializable {

    /** Opens the writer of one attempt; it must not block for long (the task is starting). */
    ProbeWriter open(ProbeAttempt attempt);
}
