package io.streamstress.runner.run;

import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.probe.ProbeEnds;
import io.streamstress.chaos.probe.ProbeReader;
import io.streamstress.checkpoints.CheckpointSettings;
import io.streamstress.checkpoints.RetainedCheckpoints;
import io.streamstress.checkpoints.StateBackendKind;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.kafka.producer.LoadProducer;
import io.streamstress.kafka.producer.PartitionPlan;
import io.streamstress.kafka.producer.ProduceResult;
import io.streamstress.kafka.producer.ProducerSettings;
import io.streamstress.kafka.record.StressRecord;
import io.streamstress.kafka.source.StressSourceFactory;
import io.streamstress.kafka.topic.KafkaUnavailableException;
import io.streamstress.kafka.topic.TopicAdmin;
import io.streamstress.redis.sink.CounterKeys;
import io.streamstress.redis.sink.RedisCounterSink;
import io.streamstress.redis.verify.CountVerifier;
import io.streamstress.redis.verify.Verification;
import io.streamstress.runner.chaos.BeforeKill;
import io.streamstress.runner.chaos.ChaosDirector;
import io.streamstress.runner.chaos.FaultGate;
import io.streamstress.runner.chaos.FaultRecord;
import io.streamstress.runner.chaos.JobWatcher;
import io.streamstress.runner.chaos.KafkaTargets;
import io.streamstress.runner.chaos.LeaderKills;
import io.streamstress.runner.chaos.PoisonPlan;
import io.streamstress.runner.chaos.ResumedFault;
import io.streamstress.runner.chaos.Targets;
import io.streamstress.runner.config.StressConfig;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.HarnessException;
import io.streamstress.runner.infra.Infrastructure;
import io.streamstress.runner.infra.ProbeChoice;
import io.streamstress.runner.infra.RunDirectory;
import io.streamstress.runner.infra.RunSettings;
import io.streamstress.runner.infra.cluster.ClusterStart;
import io.streamstress.runner.infra.cluster.FlinkCluster;
import io.streamstress.runner.infra.docker.DockerRun;
import io.streamstress.runner.job.JobSpec;
import io.streamstress.runner.job.StressJobGraph;
import io.streamstress.runner.job.StressRecordPosition;
import io.streamstress.runner.observe.CommitLatencyTracker;
import io.streamstress.runner.observe.HeldMetricsPort;
import io.streamstress.runner.observe.LagProbe;
import io.streamstress.runner.observe.MetricsEndpoint;
import io.streamstress.runner.observe.SecondSampler;
import io.streamstress.runner.observe.VerifiedCounts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * One stress run, start to verdict: Kafka and Redis up, topic created, the Flink cluster up, job submitted, load
 * produced (while the job consumes, or before it with {@code --preload}), job awaited until it has committed
 * everything (or {@code --max-time} passed), then the independent verification.
 */
public final class StressRun {

    private static final Duration POLL = Duration.ofMillis(200);

    private final StressConfig config;
    private final RunDirectory dir;
    private final Console console;
    private final List<String> args;
    private final Optional<RunSettings> resumed;
    private final Optional<ResumedFault> resumedFault;
    private final long started = System.nanoTime();
    private final long startedMillis = System.currentTimeMillis();
    private final RunStatus status = new RunStatus();
    private final VerifiedCounts verified = new VerifiedCounts();

    /**
     * @param args the command line, kept in the run directory for a later {@code --resume}
     * @param resumed the settings of the run being resumed, if this is a resume
     * @param resumedFault the process-kill being recovered from, if the supervisor resumed this run
     */
    public StressRun(StressConfig config, RunDirectory dir, Console console, List<String> args,
            Optional<RunSettings> resumed, Optional<ResumedFault> resumedFault) {
        this.config = config;
        this.dir = dir;
        this.console = console;
        this.args = List.copyOf(args);
        this.resumed = resumed;
        this.resumedFault = resumedFault;
    }

    public RunOutcome execute() throws HarnessException, InterruptedException {
        Optional<Handover> handover = resumed.isPresent() ? Handover.forResume(dir.root(), console) : Optional.empty();
        Infrastructure.checkExternalRedis(config, console);
        CounterKeys keys = StressJobGraph.keysOf(dir.runId());
        try (HeldMetricsPort flinkMetrics = PrometheusPorts.holdFlinkPort(config);
                MetricsEndpoint metrics = PrometheusPorts.startHarnessEndpoint(config, console, status, verified);
                DockerRun docker = config.infra().docker() ? DockerRun.open(config.infra(), dir.runId(), console) : null;
                ClusterStart flinkStart = ClusterLauncher.begin(config, dir, console, docker);
                Infrastructure infra = Infrastructure.start(config, dir, console, resumed, docker);
                ProbeEnds probe = ProbeChoice.open(infra.redisUri(), infra.redisUriForProbes(), keys,
                        config.cluster().kind().sharesHarnessJvm())) {
            probe.reader().reset();
            String topic = config.topic().orElse("stress-" + dir.runId());
            PartitionPlan plan = new PartitionPlan(config.messages(), config.partitions());
            long[] alreadyWritten;
            if (resumed.isPresent()) {
                RunSettings now = infra.settingsFor(dir.runId(), resumed.get().args());
                if (!now.equals(resumed.get())) {
                    // A server moved to fresh ports (its old ones were taken): a later resume must find the new ones.
                    write(now);
                }
                alreadyWritten = endOffsets(infra.bootstrapServers(), topic);
                console.line("Resuming run %s: the topic holds %,d of %,d messages", dir.runId(),
                        Arrays.stream(alreadyWritten).sum(), config.messages());
            } else {
                writeSettings(infra);
                createTopic(infra.bootstrapServers(), topic);
                alreadyWritten = new long[config.partitions()];
            }

            Console.Step step = console.step("Waiting for the Flink cluster");
            try (FlinkCluster flink = flinkStart.await()) {
                step.done("ready: " + flink.describe());
                PoisonPlan poison = PoisonPlan.of(config.chaos(), config.messages(), config.partitions(),
                        config.ratePerSecond());
                CurrentJob.Definition job = (parallelism, attemptBase) ->
                        defineJob(infra, topic, plan, keys, poison, probe, parallelism, attemptBase);
                Optional<Path> restoreFrom = resumed.isPresent() ? checkpointToResumeFrom() : Optional.empty();
                Pipeline pipeline = runPipeline(flink, job, restoreFrom, infra, topic, plan, keys, alreadyWritten,
                        poison, handover, probe.reader());
                return verify(infra, topic, plan, keys, pipeline, handover);
            }
        }
    }

    private void writeSettings(Infrastructure infra) throws HarnessException {
        write(infra.settingsFor(dir.runId(), args));
    }

    private void write(RunSettings settings) throws HarnessException {
        try {
            settings.write(dir.root());
        } catch (IOException e) {
            throw new HarnessException("cannot write the run settings into " + dir.root() + ": " + e.getMessage(), e);
        }
    }

    private Optional<Path> checkpointToResumeFrom() {
        Optional<Path> checkpoint = RetainedCheckpoints.latest(dir.checkpoints());
        if (checkpoint.isPresent()) {
            console.line("Restoring the job from %s", dir.root().relativize(checkpoint.get()));
        } else {
            console.line("No completed checkpoint to restore from: the job starts from the beginning of the topic");
        }
        return checkpoint;
    }

    private long[] endOffsets(String bootstrapServers, String topic) throws HarnessException, InterruptedException {
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers, config.connectTimeout(), config.kafka().client())) {
            return admin.endOffsets(topic, config.partitions());
        } catch (KafkaUnavailableException e) {
            throw new HarnessException(e.getMessage(), e);
        }
    }

    private void createTopic(String bootstrapServers, String topic) throws HarnessException, InterruptedException {
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers, config.connectTimeout(), config.kafka().client())) {
            Optional<Short> replication = config.kafka().replication();
            admin.createTopic(topic, config.partitions(), replication);
            console.line("Topic %s with %d partitions%s", topic, config.partitions(),
                    replication.filter(r -> r > 1).map(r -> ", " + r + " replicas each").orElse(""));
        } catch (KafkaUnavailableException e) {
            throw new HarnessException(e.getMessage(), e);
        }
    }

    private StreamGraph defineJob(Infrastructure infra, String topic, PartitionPlan plan, CounterKeys keys,
            PoisonPlan poison, ProbeEnds probe, int parallelism, int attemptBase) {
        Configuration jobConfig = Configuration.fromMap(config.flinkConfig());
        new CheckpointSettings(config.checkpointInterval(), CheckpointingMode.EXACTLY_ONCE, config.stateBackend(), false,
                dir.checkpoints(), CheckpointSettings.DEFAULT_RETAINED).applyTo(jobConfig);
        JobSpec spec = new JobSpec("streamstress " + dir.runId(), parallelism, infra.bootstrapServersForJob(), topic,
                config.groupId(), plan.stoppingOffsets(topic, poison.perPartition()), infra.redisUriForJob(), keys,
                config.delivery().sinkDelivery(), jobConfig.toMap(), probe.channel().withAttemptBase(attemptBase),
                config.kafka().client());
        return StressJobGraph.streamGraph(spec);
    }

    /** What happened while the pipeline ran. */
    private record Pipeline(Duration produceTime, Duration jobTime, Duration pipelineTime, Duration startupTime,
            long restarts, boolean timedOut, Optional<String> jobFailure, long[] produced, long[] poison,
            List<FaultRecord> faults, Recording recording) {}

    private Pipeline runPipeline(FlinkCluster flink, CurrentJob.Definition definition, Optional<Path> restoreFrom,
            Infrastructure infra, String topic,
            PartitionPlan plan, CounterKeys keys, long[] alreadyWritten, PoisonPlan poison, Optional<Handover> handover,
            ProbeReader probe) throws HarnessException, InterruptedException {
        ProducerSettings producerSettings = ProducerSettings.of(infra.bootstrapServers(), topic, plan)
                .withRecordSize(config.recordSize())
                .withRatePerSecond(config.ratePerSecond())
                .withTrafficPattern(config.trafficPattern())
                .withClient(config.kafka().client());
        Set<Integer> handledBefore = new HashSet<>();
        resumedFault.ifPresent(f -> IntStream.rangeClosed(0, f.index()).forEach(handledBefore::add));
        FaultGate gate = new FaultGate(config.chaos(), config.messages(), handledBefore);
        CommitLatencyTracker commitLatency = new CommitLatencyTracker(infra.redisUri(), keys, config.partitions());
        LoadProducer producer = new LoadProducer(producerSettings, alreadyWritten)
                .withPoison(poison.injections(), poison)
                .withGate(gate)
                .withSendObserver(CommitLatencyTracker.sampleEvery(config.messages()), commitLatency);
        long deadline = started + config.maxTime().toNanos();
        // The pipeline starts with the first record sent: before the job with --preload, else once it is submitted.
        long pipelineStart = System.nanoTime();
        long pipelineStartMillis = System.currentTimeMillis();
        Production production = null;
        if (config.preload()) {
            Console.Step step = console.step(String.format("Preloading %,d messages", config.messages()));
            production = Production.preload(producer);
            step.done(String.format("%,.0f msg/s", production.result().ratePerSecond()));
        }
        long jobStart = System.nanoTime();
        AtomicReference<JobWatcher> watching = new AtomicReference<>();
        CurrentJob job = new CurrentJob(flink, definition, dir.savepoints(), dir.checkpoints(), console,
                () -> watching.get().checkpoints().jobReplaced());
        // (the watcher exists before the chaos director that replaces jobs is started)
        JobID firstJob = job.submitFirst(config.parallelism(), restoreFrom.orElse(null));
        console.line("Job %s running: parallelism %d, %s sink, checkpoint every %d ms, chaos %s",
                firstJob, config.parallelism(), config.delivery(), config.checkpointInterval().toMillis(),
                config.chaos().describe());
        if (production == null) {
            pipelineStart = System.nanoTime();
            pipelineStartMillis = System.currentTimeMillis();
            production = Production.inBackground(producer);
        }
        // A resumed run's pipeline started with the killed worker's first send.
        long runStartMillis = handover.map(Handover::pipelineStartMillis).orElse(pipelineStartMillis);
        Optional<ChaosDirector.Resumption> resumption = resumedFault.map(killed -> new ChaosDirector.Resumption(killed,
                handover.map(h -> h.faultRecords(config.chaos())).orElse(List.of())));
        handover.ifPresent(h -> status.processedBefore(h.processedAtKill()));
        AtomicBoolean jobDone = new AtomicBoolean();
        AtomicReference<BeforeKill> beforeKill = new AtomicReference<>();
        EmbeddedKafkaBroker broker = infra.broker();
        LeaderKills leaderKills = new LeaderKills(plan, producer::unsentFrom);
        KafkaTargets kafka = new KafkaTargets(broker, infra.kafkaCluster(), topic,
                infra.kafkaCluster() == null ? null : leaderKills);
        try (CommitLatencyTracker tracker = commitLatency.start();
                LagProbe lag = new LagProbe(infra.bootstrapServers(), config.kafka().client(), config.groupId(), topic,
                        config.partitions()).start();
                CommittedCounter committed = new CommittedCounter(infra.redisUri(), keys);
                // A second reader for the clock's samples: its reads block while Redis is stalled, and the
                // progress line and the director must not wait behind them.
                CommittedCounter committedForClock = new CommittedCounter(infra.redisUri(), keys);
                JobWatcher watcher = remember(watching, Handover.seed(new JobWatcher(job::view, committedForClock,
                        broker == null ? null : () -> broker.bytesServed(topic), probe), handover)
                        .sampleMarks(config.chaos().count(FaultKind.BROKER_LEADER_KILL) == 0 ? null
                                : () -> committedForClock.marks(config.partitions()))
                        .start());
                ChaosDirector chaos = new ChaosDirector(config.chaos(),
                        Targets.injectors(config, job, job, job.taskManagers(), infra.redis(), infra.docker(), infra.proxies(),
                                kafka, poison, jobDone::get, () -> beforeKill.get().prepare(), probe),
                        watcher, committed, config.messages(), runStartMillis, jobDone::get, console, resumption,
                        gate, index -> poison.readAt(index, probe),
                        t0 -> leaderKills.countedFromNewLeadersAt(t0, watching.get().markSamples())).start();
                SecondSampler sampler = attach(producer, watcher, lag, chaos, handover, probe);
                ProgressDisplay progress = new ProgressDisplay(console, config.messages(), status).start()) {
            long firstSendMillis = pipelineStartMillis;
            long submittedAt = jobStart;
            beforeKill.set(() -> new Handover(startedMillis, firstSendMillis, Handover.handed(chaos.recordedSoFar()),
                    watcher.processedSamples(), watcher.committedSamples(), sampler.soFar(),
                    watcher.checkpoints().completed(), watcher.checkpoints().failed(), probe.processedPerSubtask(),
                    probe.processedPerTaskManager(), job.taskRestarts(),
                    Duration.ofNanos(System.nanoTime() - submittedAt).toMillis(),
                    Handover.encode(latencies(probe, tracker.sinceLastCall()))).write(dir.root()));
            JobResult result = null;
            boolean stoppedWhenComplete = false;
            while (result == null && System.nanoTime() < deadline) {
                if (production.failed()) {
                    producer.stop();
                    job.cancel();
                    throw new HarnessException(production.failure());
                }
                result = job.awaitResult(POLL);
                if (result == null && job.restored() && production.done()
                        && committed.getAsLong() >= config.messages()) {
                    // A bounded KafkaSource restored from a checkpoint never signals its end (FLINK-31006):
                    // once every message is committed, stop the job ourselves.
                    console.line("All %,d messages committed: stopping the restored job (its bounded Kafka source "
                            + "cannot finish by itself after a restore, FLINK-31006)", config.messages());
                    job.cancel();
                    result = job.awaitResult(POLL);
                    stoppedWhenComplete = true;
                }
            }
            jobDone.set(true);
            boolean timedOut = result == null;
            if (timedOut) {
                console.line("Time limit --max-time %ds reached: cancelling the job", config.maxTime().toSeconds());
                producer.stop();
                job.cancel();
            }
            long end = System.nanoTime();
            long endMillis = System.currentTimeMillis();
            Duration pipelineTime = handover.isPresent()
                    ? Duration.ofMillis(endMillis - runStartMillis)
                    : Duration.ofNanos(end - pipelineStart);
            Duration jobTime = Duration.ofNanos(end - jobStart).plusMillis(handover.map(Handover::jobMillis).orElse(0L));
            Duration startupTime = handover.isPresent()
                    ? Duration.ofMillis(runStartMillis - handover.get().commandStartMillis())
                    : Duration.ofMillis(pipelineStartMillis - startedMillis);
            List<FaultRecord> faults = chaos.finish();
            ProduceResult produceResult = timedOut ? null : production.result();
            long[] produced = timedOut ? new long[0] : produceResult.ackedPerPartition();
            long[] poisonWritten = timedOut ? poison.perPartition() : produceResult.poisonPerPartition();
            // This process's producer started at its own first send; a resumed run's production began earlier.
            Duration produceTime = timedOut
                    ? pipelineTime
                    : produceResult.elapsed().plusMillis(pipelineStartMillis - runStartMillis);
            Optional<String> failure = stoppedWhenComplete
                    ? Optional.empty()
                    : Optional.ofNullable(result)
                            .flatMap(JobResult::getSerializedThrowable)
                            .map(t -> t.getOriginalErrorClassName() + ": " + t.getMessage());
            LatencyHistograms latencies = latencies(probe, tracker.finish());
            if (handover.isPresent()) {
                latencies = latencies.plus(handover.get().latencyHistograms());
            }
            Recording recording = new Recording(runStartMillis, watcher.processedSamples(),
                    watcher.committedSamples(), sampler.finish(), watcher.checkpoints().completed(),
                    watcher.checkpoints().failed(),
                    Handover.merged(probe.processedPerSubtask(), handover.map(Handover::processedPerSubtask)),
                    Handover.merged(probe.processedPerTaskManager(), handover.map(Handover::processedPerTaskManager)),
                    producerSettings.scheduled(), latencies.processingSummary(),
                    latencies.processingFromIntendedSummary(), latencies.commitSummary(),
                    latencies.commitFromIntendedSummary());
            long restarts = job.taskRestarts();
            long restartsBefore = handover.map(Handover::taskRestarts).orElse(0L);
            return new Pipeline(produceTime, jobTime, pipelineTime, startupTime,
                    restarts < 0 || restartsBefore < 0 ? -1 : restarts + restartsBefore, timedOut, failure, produced,
                    poisonWritten, faults, recording);
        }
    }

    /** The latency histograms: the job taps' (since the last call) and the commit tracker's. */
    private static LatencyHistograms latencies(ProbeReader probe, CommitLatencyTracker.Latencies commits) {
        return new LatencyHistograms(probe.latencySinceLastCall(), probe.intendedLatencySinceLastCall(),
                commits.fromProduced(), commits.fromIntended());
    }

    private static <T> T remember(AtomicReference<T> reference, T value) {
        reference.set(value);
        return value;
    }

    private SecondSampler attach(LoadProducer producer, JobWatcher watcher, LagProbe lag, ChaosDirector chaos,
            Optional<Handover> handover, ProbeReader probe) {
        status.attach(producer, watcher, lag, chaos, probe);
        SecondSampler sampler = new SecondSampler(status);
        handover.ifPresent(h -> sampler.seed(h.seconds()));
        return sampler.start();
    }

    private RunOutcome verify(Infrastructure infra, String topic, PartitionPlan plan, CounterKeys keys, Pipeline pipeline,
            Optional<Handover> handover)
            throws HarnessException, InterruptedException {
        Console.Step step = console.step("Verifying against the topic's end offsets and Redis");
        long[] endOffsets = endOffsets(infra.bootstrapServers(), topic);
        long[] poison = pipeline.poison();
        long[] produced = pipeline.produced();
        if (pipeline.timedOut()) {
            produced = new long[endOffsets.length];
            for (int p = 0; p < produced.length; p++) {
                produced[p] = Math.max(0, endOffsets[p] - poison[p]);
            }
        }
        Verification verification = new CountVerifier(infra.redisUri(), keys)
                .verify(plan.messages(), produced, poison, endOffsets);
        step.done(verification.passed() ? "consistent" : "problems found");
        verified.set(verification.committed() - verification.duplicated(), verification.lost(), verification.duplicated());
        Duration wall = handover.isPresent()
                ? Duration.ofMillis(System.currentTimeMillis() - handover.get().commandStartMillis())
                : Duration.ofNanos(System.nanoTime() - started);
        return new RunOutcome(verification, pipeline.produceTime(), pipeline.jobTime(), pipeline.pipelineTime(),
                pipeline.startupTime(), wall, pipeline.faults(), pipeline.restarts(),
                pipeline.timedOut(), pipeline.jobFailure(), pipeline.recording());
    }
}
