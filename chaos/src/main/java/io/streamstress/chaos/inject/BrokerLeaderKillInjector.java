package io.streamstress.chaos.inject;

import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.target.KafkaBrokers;
import io.streamstress.chaos.target.LeaderLoss;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills the broker leading a partition of the job's topic (partition 0 the first time, the next one each time
 * after), waits until the cluster elected new leaders for every partition that broker led (telling the
 * {@link LeaderLoss.Listener} at once), keeps it down for the rest of {@code down}, then restarts it and returns once
 * every replica is in sync again: the next fault finds the cluster whole. T0 is the kill.
 */
public final class BrokerLeaderKillInjector implements FaultInjector {

    private static final long POLL_MS = 20;

    private final KafkaBrokers brokers;
    private final Duration down;
    private final Duration patience;
    private final LeaderLoss.Listener listener;
    private final AtomicInteger injected = new AtomicInteger();

    /**
     * @param down how long the killed broker stays down, counted from the kill
     * @param patience how long the election, and the replicas' catching up after the restart, may each take
     * @param listener told when new leaders were elected
     */
    public BrokerLeaderKillInjector(KafkaBrokers brokers, Duration down, Duration patience, LeaderLoss.Listener listener) {
        this.brokers = brokers;
        this.down = down;
        this.patience = patience;
        this.listener = listener;
    }

    @Override
    public Injection inject(PlannedFault fault) throws Exception {
        int[] leaders = brokers.leaders();
        int partition = injected.getAndIncrement() % leaders.length;
        int victim = leaders[partition];
        if (victim < 0) {
            throw new FaultNotInjectedException("partition " + partition + " of the job's topic has no leader to kill");
        }
        List<Integer> led = new ArrayList<>();
        for (int p = 0; p < leaders.length; p++) {
            if (leaders[p] == victim) {
                led.add(p);
            }
        }
        long t0 = System.currentTimeMillis();
        brokers.kill(victim);
        OptionalLong elected = awaitNewLeaders(victim, led);
        elected.ifPresent(at -> listener.elected(new LeaderLoss(victim, led, t0, at)));
        long rest = t0 + down.toMillis() - System.currentTimeMillis();
        if (rest > 0) {
            Thread.sleep(rest);
        }
        brokers.restart(victim);
        long restarted = System.currentTimeMillis();
        brokers.awaitInSync(patience);
        long inSync = System.currentTimeMillis();
        String election = elected.isPresent()
                ? "new leaders after " + (elected.getAsLong() - t0) + " ms"
                : "no new leader within " + patience.toMillis() + " ms";
        return new Injection(t0, String.format("broker %d, leader of partition %d and %d more of the topic's, killed; "
                + "%s; restarted after %d ms, replicas in sync %d ms later", victim, partition, led.size() - 1,
                election, restarted - t0, inSync - restarted), OptionalLong.of(inSync));
    }

    /** When none of {@code partitions} is led by {@code victim} any more, each led by another broker. */
    private OptionalLong awaitNewLeaders(int victim, List<Integer> partitions) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            int[] leaders = brokers.leaders();
            if (partitions.stream().allMatch(p -> leaders[p] >= 0 && leaders[p] != victim)) {
                return OptionalLong.of(System.currentTimeMillis());
            }
            Thread.sleep(POLL_MS);
        }
        return OptionalLong.empty();
    }
}
