package io.streamstress.chaos.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * When the job had read a number of different poison records of a partition: each offset counts once, at its
 * first read, so a replay after a restart neither counts twice nor moves the time. Both channel
 * implementations answer {@link ProbeReader#poisonReadAt} with it.
 */
public final class PoisonReads {

    private PoisonReads() {}

    /**
     * @param reads poison reads in any order, replays included
     * @return when {@code count} different records of {@code partition} had been read; empty while fewer were
     */
    public static OptionalLong readAt(Iterable<PoisonRead> reads, int partition, long count) {
        Map<Long, Long> firstReadByOffset = new HashMap<>();
        for (PoisonRead read : reads) {
            if (read.partition() == partition) {
                firstReadByOffset.merge(read.offset(), read.atMillis(), Math::min);
            }
        }
        if (count <= 0 || firstReadByOffset.size() < count) {
            return OptionalLong.empty();
        }
        List<Long> times = new ArrayList<>(firstReadByOffset.values());
        Collections.sort(times);
        return OptionalLong.of(times.get((int) count - 1));
    }
}
