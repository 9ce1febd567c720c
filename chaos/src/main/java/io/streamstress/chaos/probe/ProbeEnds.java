package io.streamstress.chaos.probe;

import java.util.Objects;

/**
 * Both ends of one probe channel: the factory the job's taps carry, and the harness's reader. Closing it
 * closes the reader.
 */
public record ProbeEnds(ProbeChannel channel, ProbeReader reader) implements AutoCloseable {

    public ProbeEnds {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reader, "reader");
    }

    @Override
    public void close() {
        reader.close();
    }
}
