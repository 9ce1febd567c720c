package io.streamstress.chaos.inject;

import java.util.OptionalLong;

/**
 * What an injector did.
 *
 * @param t0Millis the instant the fault took effect (wall clock, ms)
 * @param detail what exactly was hit, for the report
 * @param endedMillis the instant the fault itself was over (a thaw), when the injector went on observing after
 *     it; empty when it was over as the injector returned
 */
public record Injection(long t0Millis, String detail, OptionalLong endedMillis) {

    public Injection(long t0Millis, String detail) {
        this(t0Millis, detail, OptionalLong.empty());
    }
}
