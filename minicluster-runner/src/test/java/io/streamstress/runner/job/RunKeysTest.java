package io.streamstress.runner.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.SlotHash;
import io.streamstress.redis.sink.CounterKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunKeysTest {

    @Test
    void everyKeyOfARunIsInOneHashSlot() {
        // Given the keys of a run with 20 partitions, its probe channel's prefix among them
        CounterKeys keys = StressJobGraph.keysOf("20261203-080000-abcd");
        List<String> all = new ArrayList<>(List.of(keys.counts(), keys.total(), keys.next(), keys.poison(),
                keys.poisonNext(), keys.handled(), keys.prefix() + ":probe:attempts"));
        for (int p = 0; p < 20; p++) {
            all.add(keys.ranges(p));
        }

        // When Redis Cluster hashes them
        Set<Integer> slots = all.stream().map(SlotHash::getSlot).collect(Collectors.toSet());

        // Then they share one slot (the commit script touches several at once), and another run's keys do not
        assertThat(slots).as("hash slots of %s", all).hasSize(1);
        assertThat(keys.prefix()).as("prefix").isEqualTo("streamstress:{20261203-080000-abcd}");
        assertThat(SlotHash.getSlot(StressJobGraph.keysOf("20261203-080000-abce").total()))
                .as("another run's slot").isNotEqualTo(slots.iterator().next());
    }
}
