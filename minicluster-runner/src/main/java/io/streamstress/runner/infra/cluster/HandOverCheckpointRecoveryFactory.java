package io.streamstress.runner.infra.cluster;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.runtime.checkpoint.CheckpointIDCounter;
import org.apache.flink.runtime.checkpoint.CheckpointRecoveryFactory;
import org.apache.flink.runtime.checkpoint.CheckpointsCleaner;
import org.apache.flink.runtime.checkpoint.CompletedCheckpoint;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStore;
import org.apache.flink.runtime.checkpoint.StandaloneCheckpointIDCounter;
import org.apache.flink.runtime.checkpoint.StandaloneCompletedCheckpointStore;
import org.apache.flink.runtime.state.SharedStateRegistryFactory;

/**
 * The MiniCluster's checkpoint recovery: Flink's non-HA one ({@code StandaloneCheckpointRecoveryFactory}: a
 * {@link StandaloneCompletedCheckpointStore} and a {@link StandaloneCheckpointIDCounter} per JobMaster), except that
 * a JobMaster that loses its leadership hands its completed checkpoints and its checkpoint id counter over to the
 * job's next JobMaster, as a ZooKeeper or Kubernetes HA store would. So a JobManager failover restores the job
 * from its latest completed checkpoint, and a run without one behaves exactly as on the non-HA services.
 *
 * <p>Why not Flink's own: {@code EmbeddedHaServicesWithLeadershipControl}, which
 * {@code MiniCluster.HaServices.WITH_LEADERSHIP_CONTROL} starts, hands checkpoints over too (its
 * {@code PerJobCheckpointRecoveryFactory} builds each JobMaster's {@code EmbeddedCompletedCheckpointStore} from
 * the previous one's checkpoints, and keeps one id counter per job), but that store is a test store that changes
 * two things: it never discards the checkpoints of a job that reached a globally terminal state (a job that
 * finished by stop-with-savepoint, as a rescale stops it, would leave its retained {@code chk-*} directories for
 * {@code RetainedCheckpoints} to find, where the standalone store deletes them), and it discards subsumed
 * checkpoints on a direct executor, inside the checkpoint coordinator's lock, instead of on the JobMaster's I/O
 * executor.
 */
final class HandOverCheckpointRecoveryFactory implements CheckpointRecoveryFactory {

    /** The latest store of each job that is not over yet. */
    private final ConcurrentMap<JobID, HandOverStore> stores = new ConcurrentHashMap<>();
    private final ConcurrentMap<JobID, CheckpointIDCounter> counters = new ConcurrentHashMap<>();

    @Override
    public CompletedCheckpointStore createRecoveredCompletedCheckpointStore(JobID job, int maxRetained,
            SharedStateRegistryFactory registries, Executor ioExecutor, RecoveryClaimMode claimMode) throws Exception {
        HandOverStore previous = stores.get(job);
        List<CompletedCheckpoint> handedOver = previous == null ? List.of() : previous.handedOver();
        HandOverStore store;
        if (handedOver.isEmpty()) {
            store = new HandOverStore(job, maxRetained, registries, ioExecutor, claimMode);
        } else {
            // The new store's shared state registry starts with the handed-over checkpoints registered, as
            // Flink's own recovery factories do when a store recovers checkpoints.
            store = new HandOverStore(job, maxRetained,
                    (executor, none, mode) -> registries.create(executor, handedOver, mode), ioExecutor, claimMode);
            CheckpointsCleaner nothingToClean = new CheckpointsCleaner();
            for (CompletedCheckpoint checkpoint : handedOver) {
                store.addCheckpointAndSubsumeOldestOne(checkpoint, nothingToClean, () -> {});
            }
        }
        stores.put(job, store);
        return store;
    }

    @Override
    public CheckpointIDCounter createCheckpointIDCounter(JobID job) {
        // One counter for all the job's JobMasters: a new JobMaster goes on numbering after the handed-over
        // checkpoints (a fresh counter would start at 1 again, over the chk-1 of the retained ones).
        return counters.computeIfAbsent(job, id -> new StandaloneCheckpointIDCounter());
    }

    /** A standalone store that keeps its checkpoints for the next JobMaster when its own is suspended. */
    private final class HandOverStore extends StandaloneCompletedCheckpointStore {

        private final JobID job;
        /** The checkpoints it had when it was suspended; null while its JobMaster runs. */
        private volatile List<CompletedCheckpoint> suspendedWith;

        HandOverStore(JobID job, int maxRetained, SharedStateRegistryFactory registries, Executor ioExecutor,
                RecoveryClaimMode claimMode) {
            super(maxRetained, registries, ioExecutor, claimMode);
            this.job = job;
        }

        /** The checkpoints for the job's next JobMaster. */
        List<CompletedCheckpoint> handedOver() {
            List<CompletedCheckpoint> checkpoints = suspendedWith;
            if (checkpoints == null) {
                throw new IllegalStateException("the completed checkpoint store of job " + job
                        + "'s previous JobMaster has not been shut down yet");
            }
            return checkpoints;
        }

        @Override
        public void shutdown(JobStatus status, CheckpointsCleaner cleaner) throws Exception {
            if (status.isGloballyTerminalState()) {
                stores.remove(job, this);
                counters.remove(job);
                super.shutdown(status, cleaner);
            } else {
                // Suspended: the JobMaster lost its leadership (or the cluster is closing). Nothing is discarded,
                // as in an HA store: the next JobMaster restores from these. (The standalone store discards only
                // checkpoints that are not retained on suspension; this project's are.)
                suspendedWith = List.copyOf(getAllCheckpoints());
            }
        }
    }
}
