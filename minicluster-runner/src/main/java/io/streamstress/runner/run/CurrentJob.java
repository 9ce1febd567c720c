package io.streamstress.runner.run;

import io.streamstress.chaos.inject.FaultNotInjectedException;
import io.streamstress.chaos.target.JobControl;
import io.streamstress.chaos.target.JobManagerControl;
import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.checkpoints.RetainedCheckpoints;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.cluster.FlinkCluster;
import io.streamstress.runner.infra.cluster.JobView;
import io.streamstress.runner.infra.cluster.SubtaskAttempt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * The run's job on its cluster, which a rescale or a rollback replaces by a new job restored from a snapshot
 * of it. Everything that watches or hits the job goes through here, so it follows the replacement: the view
 * (whose attempt numbers continue after the earlier jobs', {@link #ATTEMPT_BASE_STEP} per job, as the job's
 * probe reports them), the result, the restart count, the TaskManagers that host its tasks.
 */
final class CurrentJob implements JobControl, JobManagerControl {

    /** Attempts of the n-th job of a run are numbered from n × this (Flink's own restart at most that often). */
    static final int ATTEMPT_BASE_STEP = 10_000;

    /** How long a stop-with-savepoint may take before the rescale gives up (the job then goes on). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** How long a rollback waits for a second retained checkpoint. */
    static final Duration RETAINED_PATIENCE = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(50);

    /** Builds the job at a parallelism, its probe reporting attempts from {@code attemptBase}. */
    @FunctionalInterface
    interface Definition {
        StreamGraph define(int parallelism, int attemptBase);
    }

    private final FlinkCluster flink;
    private final Definition definition;
    private final Path savepoints;
    private final Path checkpoints;
    private final Console console;
    private final Runnable onReplaced;

    private volatile JobID id;
    private volatile int parallelism;
    private volatile int generation;
    private volatile boolean replacing;
    private volatile boolean restored;
    private volatile long restartsOfEarlierJobs;

    /**
     * @param savepoints where a rescale writes its savepoint
     * @param checkpoints the run's retained checkpoints, of every job
     * @param onReplaced called once a new job is submitted (the checkpoint observer starts a new count)
     */
    CurrentJob(FlinkCluster flink, Definition definition, Path savepoints, Path checkpoints, Console console,
            Runnable onReplaced) {
        this.flink = Objects.requireNonNull(flink, "flink");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.savepoints = savepoints;
        this.checkpoints = checkpoints;
        this.console = console;
        this.onReplaced = onReplaced;
    }

    /**
     * Submits the run's first job.
     *
     * @param restoredFrom the checkpoint it starts from (a resumed run), or null
     */
    JobID submitFirst(int parallelism, Path restoredFrom) throws HarnessException {
        StreamGraph job = definition.define(parallelism, 0);
        if (restoredFrom != null) {
            job.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(restoredFrom.toString(), false));
            restored = true;
        }
        this.parallelism = parallelism;
        this.id = flink.submit(job);
        return id;
    }

    JobID id() {
        return id;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    /** Whether the running job was restored from a snapshot (a resume, a rescale, a rollback). */
    boolean restored() {
        return restored;
    }

    /** The running job as its JobManager has it, attempts numbered after the earlier jobs'. */
    JobView view() {
        JobView view = flink.view(id);
        int base = generation * ATTEMPT_BASE_STEP;
        if (base == 0) {
            return view;
        }
        List<SubtaskAttempt> based = view.attempts().stream()
                .map(a -> new SubtaskAttempt(a.subtask(), base + a.attempt(), a.state(), a.runningSinceMillis(),
                        a.taskManagerId()))
                .toList();
        return new JobView(view.state(), based, view.completedCheckpoints(), view.failedCheckpoints(), view.failures());
    }

    /** Task restarts as Flink counted them, over every job of the run; -1 when the cluster does not answer. */
    long taskRestarts() {
        long now = flink.taskRestarts(id);
        return now < 0 ? -1 : restartsOfEarlierJobs + now;
    }

    /**
     * Waits for the running job to end; null when {@code timeout} passed first, or when the job that ended was
     * one this object stopped to replace.
     */
    JobResult awaitResult(Duration timeout) throws HarnessException, InterruptedException {
        JobID watched = id;
        if (replacing) {
            Thread.sleep(timeout.toMillis());
            return null;
        }
        JobResult result = flink.awaitResult(watched, timeout);
        if (result != null && (replacing || !watched.equals(id))) {
            return null;
        }
        return result;
    }

    void cancel() {
        flink.cancel(id);
    }

    /** The TaskManagers hosting the running job's tasks, whichever job that is when a fault hits them. */
    TaskManagerControl taskManagers() {
        return new TaskManagerControl() {
            @Override
            public String stopAndReplace(int ordinal) throws Exception {
                return flink.taskManagersOf(id).stopAndReplace(ordinal);
            }

            @Override
            public KilledTaskManager kill(int ordinal) throws Exception {
                return flink.taskManagersOf(id).kill(ordinal);
            }

            @Override
            public FrozenTaskManager freeze(int ordinal) throws Exception {
                return flink.taskManagersOf(id).freeze(ordinal);
            }

            @Override
            public FrozenTaskManager cutOff(int ordinal) throws Exception {
                return flink.taskManagersOf(id).cutOff(ordinal);
            }
        };
    }

    @Override
    public synchronized Replacement rescale(int to) throws Exception {
        JobID old = id;
        int from = parallelism;
        long restartsOfOld = Math.max(0, flink.taskRestarts(old));
        replacing = true;
        try {
            long stoppedAt = System.currentTimeMillis();
            console.line("Rescale: stopping job %s with a savepoint (parallelism %d → %d) …", old, from, to);
            String savepoint;
            try {
                savepoint = flink.stopWithSavepoint(old, savepoints, STOP_TIMEOUT);
            } catch (HarnessException e) {
                throw new FaultNotInjectedException("the job could not be stopped with a savepoint: " + e.getMessage());
            }
            long submittedAt = replaceBy(to, savepoint, restartsOfOld);
            return new Replacement(stoppedAt, submittedAt, String.format("job %s stopped with savepoint %s at "
                    + "parallelism %d, job %s started from it at parallelism %d", old, shortName(savepoint), from, id, to));
        } finally {
            replacing = false;
        }
    }

    @Override
    public synchronized Replacement rollback() throws Exception {
        List<Path> before = RetainedCheckpoints.newestFirst(checkpoints);
        if (before.size() < 2) {
            console.line("Rollback: waiting for a second retained checkpoint (there %s) …",
                    before.size() == 1 ? "is 1" : "are " + before.size());
            long deadline = System.nanoTime() + RETAINED_PATIENCE.toNanos();
            while (before.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
                before = RetainedCheckpoints.newestFirst(checkpoints);
            }
        }
        if (before.size() < 2) {
            throw new FaultNotInjectedException("a rollback needs two retained checkpoints, there "
                    + (before.size() == 1 ? "was 1" : "were " + before.size()) + " after "
                    + RETAINED_PATIENCE.toSeconds() + " s (state.checkpoints.num-retained must be at least 2 on the cluster)");
        }
        JobID old = id;
        long restartsOfOld = Math.max(0, flink.taskRestarts(old));
        replacing = true;
        try {
            long stoppedAt = System.currentTimeMillis();
            console.line("Rollback: cancelling job %s to restore it from the checkpoint before its newest …", old);
            flink.cancel(old);
            // A checkpoint may have completed meanwhile: skip whatever is the newest now.
            List<Path> after = RetainedCheckpoints.newestFirst(checkpoints);
            List<Path> retained = after.size() >= 2 ? after : before;
            Path newest = retained.get(0);
            Path older = retained.get(1);
            long submittedAt = replaceBy(parallelism, older.toString(), restartsOfOld);
            return new Replacement(stoppedAt, submittedAt, String.format("job %s cancelled, its newest checkpoint %s "
                    + "skipped, job %s restored from %s", old, newest.getFileName(), id, older.getFileName()));
        } finally {
            replacing = false;
        }
    }

    /**
     * Fails over the JobManager of the running job. The new JobMaster's execution graph numbers its attempts
     * from 0 again: from now on the view numbers them after the ones seen so far, as for a new job (the job's
     * own probe goes on numbering them as before).
     */
    @Override
    public synchronized JobManagerFailover failover(Duration leaderless) throws Exception {
        long restartsOfOld = Math.max(0, flink.taskRestarts(id));
        JobManagerFailover done = flink.jobManagerOf(id).failover(leaderless);
        restartsOfEarlierJobs += restartsOfOld;
        generation = generation + 1;
        // Restored from a checkpoint, its bounded source will not finish by itself (FLINK-31006).
        restored = true;
        return done;
    }

    private long replaceBy(int newParallelism, String snapshot, long restartsOfOld) throws HarnessException {
        int next = generation + 1;
        StreamGraph job = definition.define(newParallelism, next * ATTEMPT_BASE_STEP);
        job.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(snapshot, false));
        JobID started = flink.submit(job);
        long submittedAt = System.currentTimeMillis();
        restartsOfEarlierJobs += restartsOfOld;
        generation = next;
        parallelism = newParallelism;
        restored = true;
        id = started;
        onReplaced.run();
        return submittedAt;
    }

    private static String shortName(String savepoint) {
        int slash = savepoint.lastIndexOf('/');
        return slash >= 0 ? savepoint.substring(slash + 1) : savepoint;
    }
}
