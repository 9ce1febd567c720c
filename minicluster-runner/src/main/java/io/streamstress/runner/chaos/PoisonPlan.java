package io.streamstress.runner.chaos;

import io.streamstress.chaos.inject.FaultInjector;
import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.inject.Injection;
import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.FaultPlan;
import io.streamstress.chaos.plan.FaultTrigger;
import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.probe.ProbeReader;
import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.PoisonInjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The {@code poison} faults of a plan, as the producer writes them: {@link #RECORDS} malformed records into
 * the target partition at a position of the load (poison changes the partitions' end offsets, so it must be
 * placed up front, where the job's stopping offsets can include it). {@code poison@40%} goes in at 40 % of
 * the messages, {@code poison@30s} at 30 s of the {@code --rate}, plain {@code poison} at 10 %.
 */
public final class PoisonPlan implements LoadProducer.PoisonListener {

    public static final int RECORDS = 10;
    static final double ASAP_FRACTION = 0.10;

    private final List<PoisonInjection> injections;
    private final long[] perPartition;
    private final Map<Integer, Long> writtenAt = new ConcurrentHashMap<>();

    private PoisonPlan(List<PoisonInjection> injections, int partitions) {
        this.injections = List.copyOf(injections);
        this.perPartition = new long[partitions];
        for (PoisonInjection injection : injections) {
            perPartition[injection.partition()] += injection.count();
        }
    }

    /**
     * @param rate the producer's rate (messages/s), 0 when unlimited
     * @throws IllegalArgumentException for {@code poison@TIME} without a rate
     */
    public static PoisonPlan of(FaultPlan plan, long messages, int partitions, long rate) {
        List<PoisonInjection> injections = new ArrayList<>();
        for (int i = 0; i < plan.faults().size(); i++) {
            PlannedFault fault = plan.faults().get(i);
            if (fault.kind() != FaultKind.POISON) {
                continue;
            }
            long at;
            if (fault.trigger() instanceof FaultTrigger.AtProgress progress) {
                at = progress.position(messages);
            } else if (fault.trigger() instanceof FaultTrigger.AtTime time) {
                if (rate == 0) {
                    throw new IllegalArgumentException("--chaos " + fault + " needs --rate: poison is placed by "
                            + "message position; use poison@40% instead");
                }
                at = Math.min(messages - 1, time.sinceStart().toMillis() * rate / 1000);
            } else {
                at = (long) (ASAP_FRACTION * messages);
            }
            injections.add(new PoisonInjection(i, at, fault.target() % partitions, RECORDS));
        }
        return new PoisonPlan(injections, partitions);
    }

    public List<PoisonInjection> injections() {
        return injections;
    }

    /** Poison records planned per partition (added to the stopping offsets). */
    public long[] perPartition() {
        return perPartition.clone();
    }

    @Override
    public void written(PoisonInjection injection, long atMillis) {
        writtenAt.put(injection.id(), atMillis);
    }

    /**
     * When the job had read every poison record of the plan's fault {@code faultIndex} (and those written
     * before it into the same partition, which come first in it), as the job's taps reported to {@code probe};
     * empty while it has not, or for another kind.
     */
    public OptionalLong readAt(int faultIndex, ProbeReader probe) {
        Optional<PoisonInjection> injection = injections.stream().filter(p -> p.id() == faultIndex).findFirst();
        if (injection.isEmpty()) {
            return OptionalLong.empty();
        }
        PoisonInjection fault = injection.get();
        long upToThis = injections.stream()
                .filter(p -> p.partition() == fault.partition() && p.beforeMessageId() <= fault.beforeMessageId())
                .mapToLong(PoisonInjection::count).sum();
        return probe.poisonReadAt(fault.partition(), upToThis);
    }

    /** The injector for {@code poison} faults: it waits for the producer to have written the fault's records. */
    FaultInjector injector(FaultPlan plan, BooleanSupplier jobDone) {
        return fault -> {
            int index = plan.faults().indexOf(fault);
            PoisonInjection injection = injections.stream().filter(p -> p.id() == index).findFirst()
                    .orElseThrow(() -> new FaultNotInjectedException("no poison was planned for " + fault));
            while (!writtenAt.containsKey(index)) {
                if (jobDone.getAsBoolean()) {
                    throw new FaultNotInjectedException("the producer did not write it before the job ended");
                }
                Thread.sleep(20);
            }
            return new Injection(writtenAt.get(index), injection.count() + " malformed records written into partition "
                    + injection.partition() + " before message " + injection.beforeMessageId());
        };
    }
}
