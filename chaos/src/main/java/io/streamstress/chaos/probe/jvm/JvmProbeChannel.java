package io.streamstress.chaos.probe.jvm;

import io.streamstress.chaos.probe.ProbeAttempt;
import io.streamstress.chaos.probe.ProbeChannel;
import io.streamstress.chaos.probe.ProbeWriter;

/**
 * The in-JVM channel's task side: its writers report to this JVM's statics. A singleton (an enum, so that
 * deserializing it in a task yields the same instance).
 */
public enum JvmProbeChannel implements ProbeChannel {
    INSTANCE;

    @Override
    public ProbeWriter open(ProbeAttempt attempt) {
        return new JvmProbeWriter(attempt);
    }
}
