package io.streamstress.chaos.inject;

import io.streamstress.chaos.target.KafkaBrokers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Three brokers' leadership of a topic, as pure bookkeeping: a killed broker's partitions have no leader for
 * {@code electionPolls} reads of {@link #leaders()}, then the next running broker leads them. Records the calls.
 */
final class TestingKafkaBrokers implements KafkaBrokers {

    private final int[] leaders;
    private final int electionPolls;
    private final boolean[] down = new boolean[4];
    private final List<Integer> orphaned = new ArrayList<>();
    private int pollsSinceKill;
    final List<String> calls = new ArrayList<>();

    TestingKafkaBrokers(int[] leaders, int electionPolls) {
        this.leaders = leaders.clone();
        this.electionPolls = electionPolls;
    }

    @Override
    public synchronized int[] leaders() {
        if (!orphaned.isEmpty() && ++pollsSinceKill > electionPolls) {
            int next = 1;
            while (down[next]) {
                next++;
            }
            for (int p : orphaned) {
                leaders[p] = next;
            }
            orphaned.clear();
        }
        return leaders.clone();
    }

    @Override
    public synchronized void kill(int brokerId) {
        calls.add("kill " + brokerId);
        down[brokerId] = true;
        pollsSinceKill = 0;
        for (int p = 0; p < leaders.length; p++) {
            if (leaders[p] == brokerId) {
                leaders[p] = -1;
                orphaned.add(p);
            }
        }
    }

    @Override
    public synchronized void restart(int brokerId) {
        calls.add("restart " + brokerId);
        down[brokerId] = false;
    }

    @Override
    public synchronized void awaitInSync(Duration timeout) {
        calls.add("in sync");
    }

    @Override
    public synchronized String toString() {
        return Arrays.toString(leaders);
    }
}
