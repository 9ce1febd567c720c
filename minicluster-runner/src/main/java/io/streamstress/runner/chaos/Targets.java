package io.streamstress.runner.chaos;

import io.streamstress.chaos.inject.FaultInjector;
import io.streamstress.chaos.inject.RedisStallInjector;
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
import io.streamstress.chaos.target.JobControl;
import io.streamstress.chaos.target.PausableProcess;
import io.streamstress.chaos.target.RestartableServer;
import io.streamstress.chaos.target.TaskManagerControl;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.redis.server.EmbeddedRedisServer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Wires the chaos module's injectors to this run's Flink cluster, Redis and broker. */
public final class Targets {

    /** How long an armed subtask may take to reach a point where it throws. */
    static final Duration TASK_EXCEPTION_PATIENCE = Duration.ofSeconds(30);

    private Targets() {}

    /**
     * The injectors this run can use. {@code redis} and {@code broker} are null when they are external; the
     * configuration already refused faults that need them. {@code probe} arms the job's taps; {@code job} is the
     * running job (a rescale or a rollback replaces it), {@code rescaleTo} the parallelism a rescale goes to.
     */
    public static Map<FaultKind, FaultInjector> injectors(FaultPlan plan, JobControl job, int rescaleTo,
            TaskManagerControl taskManagers, EmbeddedRedisServer redis, EmbeddedKafkaBroker broker, Duration stall,
            PoisonPlan poison, BooleanSupplier jobDone, BeforeKill beforeKill, ProbeReader probe) {
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
        injectors.put(FaultKind.TASKMANAGER_STOP, new TaskManagerStopInjector(taskManagers));
        injectors.put(FaultKind.TASKMANAGER_KILL, new TaskManagerKillInjector(taskManagers));
        injectors.put(FaultKind.TASKMANAGER_FREEZE, new TaskManagerFreezeInjector(taskManagers, stall));
        if (redis != null) {
            injectors.put(FaultKind.REDIS_STALL, new RedisStallInjector(pausable(redis), stall));
            injectors.put(FaultKind.REDIS_RESTART,
                    new ServerRestartInjector(crashable(redis), "Redis killed (SIGKILL) and restarted on its AOF"));
        }
        if (broker != null) {
            injectors.put(FaultKind.BROKER_RESTART,
                    new ServerRestartInjector(restartable(broker), "broker shut down and started on its data dir"));
        }
        return injectors;
    }

    static PausableProcess pausable(EmbeddedRedisServer redis) {
        return new PausableProcess() {
            @Override
            public void pause() throws Exception {
                redis.pause();
            }

            @Override
            public void resume() throws Exception {
                redis.resume();
            }
        };
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
