package io.streamstress.runner.run;

import io.streamstress.chaos.inject.JobProbe;
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
 * job's taps, the watcher's Redis samples and checkpoint record, the lag probe and the chaos director. Parts
 * are attached as the run starts them; until then their figures read zero (or unknown).
 */
final class RunStatus implements LiveStatus {

    private volatile LoadProducer producer;
    private volatile JobWatcher watcher;
    private volatile LagProbe lagProbe;
    private volatile ChaosDirector chaos;

    void attach(LoadProducer newProducer, JobWatcher newWatcher, LagProbe newLagProbe, ChaosDirector newChaos) {
        this.producer = newProducer;
        this.watcher = newWatcher;
        this.lagProbe = newLagProbe;
        this.chaos = newChaos;
    }

    @Override
    public long produced() {
        LoadProducer current = producer;
        return current == null ? 0 : current.acked();
    }

    @Override
    public long processed() {
        return JobProbe.processedCount();
    }

    @Override
    public long committed() {
        JobWatcher current = watcher;
        return current == null ? 0 : current.lastCommitted();
    }

    @Override
    public OptionalLong lag() {
        LagProbe current = lagProbe;
        return current == null ? OptionalLong.empty() : current.lag();
    }

    @Override
    public long behindScheduleMillis() {
        LoadProducer current = producer;
        return current == null ? 0 : current.behindScheduleMillis();
    }

    @Override
    public long checkpointsCompleted() {
        JobWatcher current = watcher;
        return current == null ? 0 : current.checkpoints().completed().size();
    }

    @Override
    public long lastCheckpointId() {
        JobWatcher current = watcher;
        if (current == null) {
            return 0;
        }
        List<CompletedCheckpoint> completed = current.checkpoints().completed();
        return completed.isEmpty() ? 0 : completed.get(completed.size() - 1).id();
    }

    @Override
    public long checkpointsFailed() {
        JobWatcher current = watcher;
        return current == null ? 0 : current.checkpoints().failed();
    }

    @Override
    public Map<String, Long> faultsInjected() {
        ChaosDirector current = chaos;
        return current == null ? Map.of() : current.injectedByKind();
    }

    @Override
    public Map<String, Long> lastRecoveryMillis() {
        ChaosDirector current = chaos;
        return current == null ? Map.of() : current.lastRecoveryMillisByKind();
    }
}
