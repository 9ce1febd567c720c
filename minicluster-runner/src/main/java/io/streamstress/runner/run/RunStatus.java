package io.streamstress.runner.run;

import io.streamstress.chaos.probe.ProbeReader;
import io.streamstress.checkpoints.CompletedCheckpoint;
import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.runner.chaos.ChaosDirector;
import io.streamstress.runner.chaos.JobWatcher;
import io.streamstress.runner.observe.LagProbe;
import io.streamstress.runner.observe.LiveStatus;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The {@link LiveStatus} of a run, read from the parts that measure it: the producer's acknowledgements, the
 * job's taps, the watcher's Redis samples and checkpoint record, the lag probe and the chaos director. They
 * are attached together when the pipeline starts; until then their figures read zero (or unknown).
 */
final class RunStatus implements LiveStatus {

    /** The parts that measure the run, attached together once the pipeline starts. */
    private record Parts(LoadProducer producer, JobWatcher watcher, LagProbe lag, ChaosDirector chaos,
            ProbeReader probe) {}

    private volatile Parts parts;
    /** Records a killed process of this run processed before this one took over. */
    private volatile long processedBefore;

    void processedBefore(long records) {
        processedBefore = records;
    }

    void attach(LoadProducer producer, JobWatcher watcher, LagProbe lag, ChaosDirector chaos, ProbeReader probe) {
        this.parts = new Parts(producer, watcher, lag, chaos, probe);
    }

    @Override
    public long produced() {
        Parts current = parts;
        return current == null ? 0 : current.producer().acked();
    }

    @Override
    public long processed() {
        Parts current = parts;
        return processedBefore + (current == null ? 0 : current.probe().processedCount());
    }

    @Override
    public long committed() {
        Parts current = parts;
        return current == null ? 0 : current.watcher().lastCommitted();
    }

    @Override
    public OptionalLong lag() {
        Parts current = parts;
        return current == null ? OptionalLong.empty() : current.lag().lag();
    }

    @Override
    public long behindScheduleMillis() {
        Parts current = parts;
        return current == null ? 0 : current.producer().behindScheduleMillis();
    }

    @Override
    public long checkpointsCompleted() {
        Parts current = parts;
        return current == null ? 0 : current.watcher().checkpoints().completed().size();
    }

    @Override
    public long lastCheckpointId() {
        Parts current = parts;
        if (current == null) {
            return 0;
        }
        List<CompletedCheckpoint> completed = current.watcher().checkpoints().completed();
        return completed.isEmpty() ? 0 : completed.get(completed.size() - 1).id();
    }

    @Override
    public long checkpointsFailed() {
        Parts current = parts;
        return current == null ? 0 : current.watcher().checkpoints().failed();
    }

    @Override
    public Map<String, Long> faultsInjected() {
        Parts current = parts;
        return current == null ? Map.of() : current.chaos().injectedByKind();
    }

    @Override
    public Map<String, Long> lastRecoveryMillis() {
        Parts current = parts;
        return current == null ? Map.of() : current.chaos().lastRecoveryMillisByKind();
    }
}
