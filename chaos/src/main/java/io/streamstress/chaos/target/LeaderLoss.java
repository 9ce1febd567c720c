package io.streamstress.chaos.target;

import java.util.List;

/**
 * Partitions that lost their leader and got new ones: broker {@code brokerId}, which led {@code partitions} of the
 * job's topic, was killed at {@code killedAtMillis}, and by {@code electedAtMillis} the cluster's metadata named
 * another leader for each of them (wall clock, ms).
 */
public record LeaderLoss(int brokerId, List<Integer> partitions, long killedAtMillis, long electedAtMillis) {

    public LeaderLoss {
        partitions = List.copyOf(partitions);
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("a leader loss has at least one partition");
        }
        if (electedAtMillis < killedAtMillis) {
            throw new IllegalArgumentException("new leaders (" + electedAtMillis + ") cannot precede the kill ("
                    + killedAtMillis + ")");
        }
    }

    /** Told the moment new leaders were elected for the partitions a killed broker led. */
    @FunctionalInterface
    public interface Listener {
        void elected(LeaderLoss loss);
    }
}
