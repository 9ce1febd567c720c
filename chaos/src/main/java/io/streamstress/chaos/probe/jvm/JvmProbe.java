package io.streamstress.chaos.probe.jvm;

import io.streamstress.chaos.probe.ProbeEnds;

/** Opens the in-JVM probe channel: for tasks that run in this JVM (an embedded MiniCluster). */
public final class JvmProbe {

    private JvmProbe() {}

    /** Both ends; every reader of this JVM sees the same statics. */
    public static ProbeEnds open() {
        return new ProbeEnds(JvmProbeChannel.INSTANCE, new JvmProbeReader());
    }
}
