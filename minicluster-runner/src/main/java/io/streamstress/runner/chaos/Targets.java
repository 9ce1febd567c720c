package io.streamstress.runner.chaos;

import io.streamstress.chaos.inject.BrokerLeaderKillInjector;
import io.streamstress.chaos.inject.ConnectionResetInjector;
import io.streamstress.chaos.inject.FaultInjector;
import io.streamstress.chaos.inject.JobManagerFailoverInjector;
import io.streamstress.chaos.inject.PauseInjector;
import io.streamstress.chaos.inject.ReplyLostInjector;
import io.streamstress.chaos.inject.RescaleInjector;
import io.streamstress.chaos.inject.RollbackInjector;
import io.streamstress.chaos.inject.ServerRestartInjector;
import io.streamstress.chaos.inject.TaskExceptionInjector;
import io.streamstress.chaos.inject.TaskManagerFreezeInjector;
import io.streamstress.chaos.inject.TaskManagerKillInjector;
import io.streamstress.chaos.inject.TaskManagerStopInjector;
import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.FaultPlan;
import io.streamstress.chaos.probe.ProbeReader;
import io.streamstress.chaos.proxy.FaultProxy;
import io.streamstress.chaos.proxy.Latency;
import io.streamstress.chaos.target.JobControl;
import io.streamstress.chaos.target.JobManagerControl;
import io.streamstress.chaos.target.PausableProcess;
import io.streamstress.chaos.target.RestartableServer;
import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.runner.config.StressConfig;
import io.streamstress.runner.infra.JobProxies;
import io.streamstress.runner.infra.cluster.ClusterKind;
import io.streamstress.runner.infra.docker.DockerServers;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Wires the chaos module's injectors to this run's Flink cluster, Redis and broker. */
public final class Targets {

    /** How long an armed subtask may take to reach a point where it throws. */
    static final Duration TASK_EXCEPTION_PATIENCE = Duration.ofSeconds(30);

    /** How long a lost reply waits for the next commit (the job commits after every checkpoint). */
    static final Duration REPLY_LOST_PATIENCE = Duration.ofSeconds(30);

    /** How long a connection reset waits for the job's first connection through the proxy. */
    static final Duration CONNECTION_PATIENCE = Duration.ofSeconds(30);

    /** How long a killed leader's partitions may take to get new leaders, and its replicas to catch up after. */
    static final Duration LEADER_PATIENCE = Duration.ofSeconds(60);

    /** How long a JobManager failover leaves the job without a leading JobMaster. */
    static final Duration LEADERLESS = Duration.ofMillis(500);

    private Targets() {}

    /**
     * The injectors this run can use. {@code redis} is null when it is external or in a container ({@code docker},
     * null without {@code --infra docker}), {@code kafka}'s broker or cluster
     * when the run has none; the configuration already refused faults that need them. {@code probe} arms the job's taps; {@code job} is the
     * running job (a rescale or a rollback replaces it); {@code proxies} stand between the job and its servers.
     */
    public static Map<FaultKind, FaultInjector> injectors(StressConfig config, JobControl job, JobManagerControl jobManager,
            TaskManagerControl taskManagers, EmbeddedRedisServer redis, DockerServers docker, JobProxies proxies,
            KafkaTargets kafka, PoisonPlan poison, BooleanSupplier jobDone, BeforeKill beforeKill, ProbeReader probe) {
        FaultPlan plan = config.chaos();
        Duration stall = config.stall();
        int rescaleTo = config.rescaleTarget();
        Map<FaultKind, FaultInjector> injectors = new EnumMap<>(FaultKind.class);
        injectors.put(FaultKind.POISON, poison.injector(plan, jobDone));
        for (int i = 0; i < plan.faults().size(); i++) {
            if (plan.faults().get(i).kind() == FaultKind.PROCESS_KILL) {
                injectors.put(FaultKind.PROCESS_KILL, new ProcessKillInjector(KillRequest.ofThisWorker(), i, beforeKill));
            }
        }
        injectors.put(FaultKind.TASK_EXCEPTION,
                new TaskExceptionInjector(probe, job::parallelism, TASK_EXCEPTION_PATIENCE, jobDone));
        if (rescaleTo != job.parallelism()) {
            injectors.put(FaultKind.RESCALE, new RescaleInjector(job, job.parallelism(), rescaleTo));
        }
        injectors.put(FaultKind.ROLLBACK, new RollbackInjector(job));
        injectors.put(FaultKind.JOBMANAGER_FAILOVER, new JobManagerFailoverInjector(jobManager, LEADERLESS));
        injectors.put(FaultKind.TASKMANAGER_STOP, new TaskManagerStopInjector(taskManagers));
        injectors.put(FaultKind.TASKMANAGER_KILL, new TaskManagerKillInjector(taskManagers));
        injectors.put(FaultKind.TASKMANAGER_FREEZE, new TaskManagerFreezeInjector(taskManagers, stall));
        if (redis != null) {
            injectors.put(FaultKind.REDIS_STALL, new PauseInjector(pausable(redis), stall, "Redis paused (SIGSTOP)"));
            injectors.put(FaultKind.REDIS_RESTART,
                    new ServerRestartInjector(crashable(redis), "Redis killed (SIGKILL) and restarted on its AOF"));
        }
        if (kafka.broker() != null) {
            injectors.put(FaultKind.BROKER_RESTART,
                    new ServerRestartInjector(restartable(kafka.broker()), "broker shut down and started on its data dir"));
        }
        if (kafka.cluster() != null) {
            injectors.put(FaultKind.BROKER_LEADER_KILL,
                    new BrokerLeaderKillInjector(kafka.brokers(), stall, LEADER_PATIENCE, kafka.leaderKills()));
        }
        if (docker != null) {
            ContainerFaults.add(injectors, docker, config.cluster().kind() == ClusterKind.DOCKER ? taskManagers : null,
                    stall, new Latency(config.faults().latency(), config.faults().jitter()));
        }
        proxies.redis().ifPresent(proxy -> {
            injectors.put(FaultKind.REDIS_REPLY_LOST, new ReplyLostInjector(proxy, REPLY_LOST_PATIENCE));
            injectors.put(FaultKind.REDIS_BLACKHOLE, new PauseInjector(blackholed(proxy), stall,
                    "the job's traffic to Redis hung (no RST, no FIN)"));
            injectors.put(FaultKind.REDIS_RESET, new ConnectionResetInjector(proxy, CONNECTION_PATIENCE));
        });
        proxies.kafka().ifPresent(proxy -> {
            injectors.put(FaultKind.KAFKA_BLACKHOLE, new PauseInjector(blackholed(proxy), stall,
                    "the job's traffic to the broker hung (no RST, no FIN)"));
            Latency latency = new Latency(config.faults().latency(), config.faults().jitter());
            injectors.put(FaultKind.KAFKA_LATENCY, new PauseInjector(delayed(proxy, latency), stall,
                    latency + " added to the broker's replies to the job"));
            injectors.put(FaultKind.KAFKA_RESET, new ConnectionResetInjector(proxy, CONNECTION_PATIENCE));
        });
        return injectors;
    }

    static PausableProcess pausable(EmbeddedRedisServer redis) {
        return PausableProcess.of(redis::pause, redis::resume);
    }

    /** The job's traffic through {@code proxy}, paused by a blackhole. */
    static PausableProcess blackholed(FaultProxy proxy) {
        return PausableProcess.of(proxy::blackhole, proxy::restore);
    }

    /** The server's replies through {@code proxy}, held back by {@code latency} while paused. */
    static PausableProcess delayed(FaultProxy proxy, Latency latency) {
        return PausableProcess.of(() -> proxy.latency(latency), proxy::noLatency);
    }

    static RestartableServer crashable(EmbeddedRedisServer redis) {
        return new RestartableServer() {
            @Override
            public void takeDown() throws Exception {
                redis.crash();
            }

            @Override
            public void bringUp() throws Exception {
                redis.start();
            }
        };
    }

    static RestartableServer restartable(EmbeddedKafkaBroker broker) {
        return new RestartableServer() {
            @Override
            public void takeDown() {
                broker.stop();
            }

            @Override
            public void bringUp() throws Exception {
                broker.start();
            }
        };
    }
}
