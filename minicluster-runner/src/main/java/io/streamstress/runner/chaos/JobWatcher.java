package io.streamstress.runner.chaos;

import io.streamstress.chaos.clock.AttemptEvent;
import io.streamstress.chaos.clock.CheckpointTimes;
import io.streamstress.chaos.clock.Interval;
import io.streamstress.chaos.clock.Observations;
import io.streamstress.chaos.probe.ProbeReader;
import io.streamstress.checkpoints.CheckpointObserver;
import io.streamstress.checkpoints.CompletedCheckpoint;
import io.streamstress.runner.infra.cluster.JobFailure;
import io.streamstress.runner.infra.cluster.JobView;
import io.streamstress.runner.infra.cluster.SubtaskAttempt;
import io.streamstress.runner.observe.Daemons;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Records, every {@link #PERIOD_MS} ms while the job runs: completed checkpoints, when each task attempt
 * reached RUNNING and the failures the JobManager recorded (from its view of the job, so the times are Flink's
 * own), and the count of records processed (for throughput). The recovery clocks are computed from these records.
 */
public final class JobWatcher implements AutoCloseable {

    static final long PERIOD_MS = 100;
    /** Committed counts are sampled more often: a commit is one step per checkpoint, its time matters. */
    static final long COMMITTED_PERIOD_MS = 25;

    private final Supplier<JobView> job;
    private final Set<Long> failuresRecorded = ConcurrentHashMap.newKeySet();
    private final CheckpointObserver checkpoints = new CheckpointObserver();
    private final Map<String, AttemptEvent> runningSince = new ConcurrentHashMap<>();
    private final List<long[]> throughput = new CopyOnWriteArrayList<>();
    private final List<long[]> committedSamples = new CopyOnWriteArrayList<>();
    private final List<long[]> brokerServedSamples = new CopyOnWriteArrayList<>();
    /** {@code [time, mark of partition 0, mark of partition 1, …]}: the sink's per-partition high-water marks. */
    private final List<long[]> markSamples = new CopyOnWriteArrayList<>();
    private volatile Supplier<long[]> marks;
    private final LongSupplier committed;
    private final LongSupplier brokerServed;
    private final ProbeReader probe;
    private final ScheduledExecutorService timer;
    private final ScheduledExecutorService committedTimer;
    /** Records a killed process of this run had processed: its samples are seeded, this job's counts add to it. */
    private volatile long processedBefore;

    /**
     * @param job the job as the cluster reports it now (may throw while the job is not known yet)
     * @param committed records committed to Redis so far (read on its own thread: it blocks while Redis does)
     * @param brokerServed bytes of the topic the run's own broker served to consumers so far (it must not block),
     *     or null when the broker is not the run's own
     * @param probe what the job's taps report (records processed, first records of attempts)
     */
    public JobWatcher(Supplier<JobView> job, LongSupplier committed, LongSupplier brokerServed, ProbeReader probe) {
        this.job = job;
        this.committed = committed;
        this.brokerServed = brokerServed;
        this.probe = probe;
        this.timer = Daemons.timer("streamstress-job-watcher");
        this.committedTimer = Daemons.timer("streamstress-commit-watcher");
    }

    /**
     * Takes over what the killed process of a resumed run recorded: its samples come first, and this job's
     * processed counts (which start again at 0 in this process) add to its last one.
     */
    public JobWatcher seed(List<long[]> processed, List<long[]> committed, List<CompletedCheckpoint> completed,
            long failedCheckpoints) {
        throughput.addAll(processed);
        committedSamples.addAll(committed);
        processedBefore = processed.isEmpty() ? 0 : processed.get(processed.size() - 1)[1];
        checkpoints.seed(completed, failedCheckpoints);
        return this;
    }

    /**
     * Samples {@code partitionMarks} too, with the committed count (before {@link #start()}): the sink's high-water
     * mark of every partition (the next sequence number it has not counted), which a killed partition leader's
     * clock needs.
     */
    public JobWatcher sampleMarks(Supplier<long[]> partitionMarks) {
        this.marks = partitionMarks;
        return this;
    }

    public JobWatcher start() {
        timer.scheduleAtFixedRate(this::poll, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        committedTimer.scheduleWithFixedDelay(this::pollCommitted, 0, COMMITTED_PERIOD_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void pollCommitted() {
        committedSamples.add(new long[] {System.currentTimeMillis(), committed.getAsLong()});
        Supplier<long[]> partitionMarks = marks;
        if (partitionMarks != null) {
            long[] read = partitionMarks.get();
            long[] sample = new long[read.length + 1];
            sample[0] = System.currentTimeMillis();
            System.arraycopy(read, 0, sample, 1, read.length);
            markSamples.add(sample);
        }
    }

    /**
     * The sampled high-water marks, {@code [time, mark of partition 0, …]} each, in time order; empty unless
     * {@link #sampleMarks} was given.
     */
    public List<long[]> markSamples() {
        return List.copyOf(markSamples);
    }

    private void poll() {
        long now = System.currentTimeMillis();
        throughput.add(new long[] {now, processedBefore + probe.processedCount()});
        if (brokerServed != null) {
            brokerServedSamples.add(new long[] {now, brokerServed.getAsLong()});
        }
        try {
            JobView current = job.get();
            checkpoints.observe(current.completedCheckpoints(), current.failedCheckpoints());
            for (SubtaskAttempt attempt : current.attempts()) {
                if (attempt.runningSinceMillis() > 0) {
                    runningSince.putIfAbsent(attempt.subtask() + "#" + attempt.attempt(),
                            new AttemptEvent(attempt.subtask(), attempt.attempt(), attempt.runningSinceMillis()));
                }
            }
            for (JobFailure failure : current.failures()) {
                failuresRecorded.add(failure.atMillis());
            }
        } catch (RuntimeException e) {
            // The job is starting or gone; the next poll tries again.
        }
    }

    /** Polls once more, so that the records include the present. */
    public void refresh() {
        try {
            timer.submit(this::poll).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Shutting down.
        }
    }

    /** Samples of {@code [time ms, records processed so far]}. */
    public List<long[]> processedSamples() {
        return List.copyOf(throughput);
    }

    /** Samples of {@code [time ms, records committed so far]}. */
    public List<long[]> committedSamples() {
        return List.copyOf(committedSamples);
    }

    /** Whether the job's taps have passed any record in this process (a resumed run's killed process not counted). */
    public boolean recordsFlowed() {
        int size = throughput.size();
        return size > 0 && throughput.get(size - 1)[1] > processedBefore;
    }

    /** The newest committed count sampled (0 before the first sample). */
    public long lastCommitted() {
        int size = committedSamples.size();
        return size == 0 ? 0 : committedSamples.get(size - 1)[1];
    }

    public CheckpointObserver checkpoints() {
        return checkpoints;
    }

    /**
     * What was recorded, for the clocks of a fault at {@code from}; a later fault at {@code until} ends its
     * attempts' events.
     *
     * @param disturbed spans in which the pipeline did not run freely (no throughput baseline from them)
     * @param poisonReadAt when the job had read every poison record of the fault, for a poison fault
     */
    public Observations observations(long from, long until, List<Interval> disturbed, OptionalLong poisonReadAt) {
        List<AttemptEvent> running = runningSince.values().stream()
                .filter(e -> e.atMillis() >= from && e.atMillis() < until).toList();
        List<AttemptEvent> firstRecords = probe.firstRecords().stream()
                .filter(first -> first.atMillis() >= from && first.atMillis() < until)
                .map(first -> new AttemptEvent(first.subtask(), first.attempt(), first.atMillis())).toList();
        List<CheckpointTimes> checkpointTimes = checkpoints.completed().stream()
                .map(c -> new CheckpointTimes(c.triggeredAtMillis(), c.completedAtMillis())).toList();
        return new Observations(running, firstRecords, checkpointTimes, List.copyOf(throughput),
                List.copyOf(committedSamples), List.copyOf(brokerServedSamples), disturbed, poisonReadAt,
                failuresRecorded.stream().sorted().toList());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        committedTimer.shutdownNow();
    }
}
