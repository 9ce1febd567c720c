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

    /**
     * This channel for a job that replaces earlier ones of the same run (a rescale, a rollback): its attempts
     * are reported as {@code base} + Flink's attempt number, so that they stay apart from the earlier jobs'
     * attempts (which also started at 0) and count as restarted. A base of 0 is this channel.
     */
    default ProbeChannel withAttemptBase(int base) {
        return base == 0 ? this : new AttemptBasedChannel(this, base);
    }
}
