package io.streamstress.runner.chaos;

import io.streamstress.chaos.clock.Interval;
import io.streamstress.chaos.plan.FaultPlan;
import io.streamstress.chaos.plan.FaultTrigger;
import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.kafka.producer.ProduceGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Holds the producer at each {@code KIND@P%} fault's position until the chaos director starts injecting that
 * fault. Without it a fast pipeline (or one catching up after a stall) runs past a fault's progress point, or
 * ends, before the director gets to the fault; with it every fault lands where the plan put it, run after run.
 * A fault that needs records flowing (a task failure fires only with records past a barrier) is started, not
 * finished, when the producer is let go.
 */
public final class FaultGate implements ProduceGate {

    private static final long POLL_MS = 5;
    /**
     * While a recovery is awaited the producer may pass a hold by this share of the run's messages (1 %, the
     * plan's granularity): enough records for the recovery to show, not so many that the next fault lands on a
     * pipeline whose producer has finished.
     */
    static final double RECOVERY_SLACK_SHARE = 0.01;
    /**
     * Past the slack, while a recovery is still awaited, the producer passes one batch ({@link
     * io.streamstress.kafka.producer.LoadProducer#GATE_STEP} messages) this often: a recovery that needs records sent
     * after some instant (a killed leader's, counted from its partitions' new leaders) gets them, at a trickle.
     */
    static final Duration TRICKLE_PERIOD = Duration.ofSeconds(1);

    /** {@code [message id, fault index]} of every progress fault, in plan order. */
    private final List<long[]> holds = new ArrayList<>();
    /** How many messages past a hold the producer may go while a recovery is awaited. */
    private final long recoverySlack;
    /** The message the trickle let pass last, and when. */
    private long trickledId = -1;
    private long trickledAtNanos = System.nanoTime() - TRICKLE_PERIOD.toNanos();
    private final Set<Integer> started = ConcurrentHashMap.newKeySet();
    /** When the producer was held, {@code [from, until]}; the hold in progress is {@link #holdingSince}. */
    private final List<Interval> heldSpans = new CopyOnWriteArrayList<>();
    private volatile long holdingSince = -1;
    private volatile boolean released;
    /** A fault is being injected or its recovery awaited: holds give {@link #recoverySlack} (it could need records a hold keeps back). */
    private volatile boolean recovering;

    /** @param alreadyStarted faults handled before (by a process this run resumes) */
    public FaultGate(FaultPlan plan, long messages, Set<Integer> alreadyStarted) {
        for (int i = 0; i < plan.faults().size(); i++) {
            PlannedFault fault = plan.faults().get(i);
            if (fault.trigger() instanceof FaultTrigger.AtProgress at) {
                holds.add(new long[] {at.position(messages), i});
            }
        }
        started.addAll(alreadyStarted);
        recoverySlack = Math.max(1, (long) Math.ceil(messages * RECOVERY_SLACK_SHARE));
    }

    @Override
    public void awaitPassage(long messageId) throws InterruptedException {
        for (long[] hold : holds) {
            if (hold[0] > messageId) {
                return;
            }
            int fault = (int) hold[1];
            long slackEnd = hold[0] + recoverySlack;
            if (passes(fault, messageId, slackEnd)) {
                continue;
            }
            long from = System.currentTimeMillis();
            holdingSince = from;
            try {
                while (!passes(fault, messageId, slackEnd)) {
                    Thread.sleep(POLL_MS);
                }
            } finally {
                heldSpans.add(new Interval(from, System.currentTimeMillis()));
                holdingSince = -1;
            }
        }
    }

    private boolean passes(int fault, long messageId, long slackEnd) {
        return released || started.contains(fault) || (recovering && (messageId < slackEnd || trickles(messageId)));
    }

    /** Whether the trickle lets {@code messageId} pass now: one batch per {@link #TRICKLE_PERIOD}. */
    private synchronized boolean trickles(long messageId) {
        if (messageId == trickledId) {
            return true;
        }
        long now = System.nanoTime();
        if (now - trickledAtNanos < TRICKLE_PERIOD.toNanos()) {
            return false;
        }
        trickledId = messageId;
        trickledAtNanos = now;
        return true;
    }

    /** The spans in which the producer was held at a fault's position, the one in progress up to now included. */
    public List<Interval> holds() {
        List<Interval> all = new ArrayList<>(heldSpans);
        long since = holdingSince;
        if (since >= 0) {
            all.add(new Interval(since, Math.max(since, System.currentTimeMillis())));
        }
        return all;
    }

    /** The director starts (or gives up) fault {@code index}: the producer may pass its position. */
    void start(int index) {
        started.add(index);
    }

    /**
     * While the director injects a fault or awaits its recovery, the producer may pass a hold by {@link #RECOVERY_SLACK_SHARE}
     * of the run, and past that by one batch per {@link #TRICKLE_PERIOD}: a recovery that shows as records processed
     * or committed again needs records to come, and the next fault's hold (whose fault waits for this recovery) would
     * keep them back until the director gave up waiting. The next fault then lands a little after its position (1 %,
     * and a batch for every second the recovery took past it) rather than exactly at it, and never on a producer that
     * has finished.
     */
    void recovering(boolean awaiting) {
        recovering = awaiting;
    }

    /** Lets the producer go for good (the plan is done, or the run ends). */
    public void release() {
        released = true;
    }
}
