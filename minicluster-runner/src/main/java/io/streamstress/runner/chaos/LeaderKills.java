package io.streamstress.runner.chaos;

import io.streamstress.chaos.target.LeaderLoss;
import io.streamstress.kafka.producer.PartitionPlan;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The leader losses of a run's {@code broker-leader-kill} faults, and when each was over for the pipeline: when the
 * sink had counted, on every partition the killed broker led, a record the producer sent after new leaders were
 * elected. Such a record did not exist while the old leader lived, so the job read it from a new leader: the
 * source found the new leaders, read from them, and a checkpoint committed what it read. Records of the other
 * partitions, which never stopped, say nothing about it.
 *
 * <p>At the election the producer's position is taken ({@link io.streamstress.kafka.producer.LoadProducer#unsentFrom});
 * the first sequence number of each partition sent from there on is what the sink's high-water mark of that partition
 * must pass. A partition the producer has nothing left to send to is left out; with none left, there is no such
 * instant.
 */
public final class LeaderKills implements LeaderLoss.Listener {

    /** A leader loss and, by partition, the first sequence number sent after its election. */
    record Loss(LeaderLoss loss, Map<Integer, Long> firstSentAfterElection) {}

    private final PartitionPlan plan;
    private final LongSupplier unsentFrom;
    private final List<Loss> losses = new CopyOnWriteArrayList<>();

    /** @param unsentFrom the producer's first message id not handed to its client yet */
    public LeaderKills(PartitionPlan plan, LongSupplier unsentFrom) {
        this.plan = plan;
        this.unsentFrom = unsentFrom;
    }

    @Override
    public void elected(LeaderLoss loss) {
        long unsent = unsentFrom.getAsLong();
        Map<Integer, Long> firstSent = new TreeMap<>();
        for (int partition : loss.partitions()) {
            long sequence = plan.sequenceOf(firstIdFrom(unsent, partition));
            if (sequence < plan.messagesFor(partition)) {
                firstSent.put(partition, sequence);
            }
        }
        losses.add(new Loss(loss, firstSent));
    }

    /** The smallest message id at or above {@code from} that goes to {@code partition}. */
    private long firstIdFrom(long from, int partition) {
        return from + Math.floorMod(partition - from, (long) plan.partitions());
    }

    /**
     * When the leader loss of the kill at {@code t0} was over for the pipeline: the first of {@code markSamples}
     * ({@code [time, mark of partition 0, …]}, the sink's next uncounted sequence number per partition) taken at or
     * after the election in which every partition the killed broker led (that still gets records) had its first
     * record sent after the election counted. Empty when there was no such kill, no election, or no such sample.
     */
    public OptionalLong countedFromNewLeadersAt(long t0, List<long[]> markSamples) {
        for (Loss loss : losses) {
            if (loss.loss().killedAtMillis() != t0) {
                continue;
            }
            if (loss.firstSentAfterElection().isEmpty()) {
                return OptionalLong.empty();
            }
            for (long[] sample : markSamples) {
                if (sample[0] >= loss.loss().electedAtMillis() && counted(sample, loss.firstSentAfterElection())) {
                    return OptionalLong.of(sample[0]);
                }
            }
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static boolean counted(long[] sample, Map<Integer, Long> firstSent) {
        return firstSent.entrySet().stream()
                .allMatch(e -> e.getKey() + 1 < sample.length && sample[e.getKey() + 1] > e.getValue());
    }
}
