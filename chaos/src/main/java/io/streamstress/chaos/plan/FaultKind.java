package io.streamstress.chaos.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The faults a run can inject, by the names {@code --chaos} takes. */
public enum FaultKind {
    /** One subtask throws once: region failover and restore of source offsets and sink committables. */
    TASK_EXCEPTION("task-exception", Needs.NOTHING),
    /** A TaskManager is stopped (gracefully: not a crash) and a replacement started: slot loss, rescheduling. */
    TASKMANAGER_STOP("taskmanager-stop", Needs.OWN_FLINK),
    /**
     * A TaskManager process hosting a task is killed with SIGKILL (a crash: Flink finds out by its heartbeats)
     * and a spare started: failover onto another TaskManager.
     */
    TASKMANAGER_KILL("taskmanager-kill", Needs.FLINK_PROCESSES),
    /**
     * A TaskManager process hosting a task is frozen with SIGSTOP for {@code --stall}, then thawed with SIGCONT:
     * declared lost by the heartbeat time-out, its tasks move, and it comes back as a zombie whose committables
     * are stale.
     */
    TASKMANAGER_FREEZE("taskmanager-freeze", Needs.FLINK_PROCESSES),
    /** Redis is paused with SIGSTOP for a while, then resumed: commits block, the committer retries. */
    REDIS_STALL("redis-stall", Needs.EMBEDDED_REDIS),
    /** Redis is killed with SIGKILL and started again on the same port and AOF: reconnect, NOSCRIPT. */
    REDIS_RESTART("redis-restart", Needs.EMBEDDED_REDIS),
    /** The embedded broker is stopped and started again on the same data dir and ports. */
    BROKER_RESTART("broker-restart", Needs.EMBEDDED_KAFKA),
    /**
     * The broker leading a partition the job reads is killed (no controlled shutdown), stays down for
     * {@code --stall} while the cluster elects new leaders for its partitions, and is started again on its data:
     * the source and the producer move to the new leaders, and the restarted broker catches up.
     */
    BROKER_LEADER_KILL("broker-leader-kill", Needs.KAFKA_CLUSTER),
    /** The whole stress process is killed with SIGKILL and resumed from its retained checkpoint: the real crash. */
    PROCESS_KILL("process-kill", Needs.SUPERVISOR),
    /** Malformed records are written into the topic: set aside and counted, never a crash or a skewed count. */
    POISON("poison", Needs.NOTHING),
    /**
     * The job is stopped with a savepoint and started again from it at another parallelism ({@code --rescale-to}):
     * partitions, splits and the sink's writer and committer state are redistributed over other subtasks.
     */
    RESCALE("rescale", Needs.OWN_FLINK),
    /**
     * The job is cancelled and started again from a retained checkpoint older than the newest: it reads again
     * records whose counts were committed after that checkpoint.
     */
    ROLLBACK("rollback", Needs.OWN_FLINK),
    /**
     * The next commit script reaches Redis and applies, but its reply is dropped and the connection reset: the
     * committer cannot know whether it applied, and its retry must find it applied and change nothing.
     */
    REDIS_REPLY_LOST("redis-reply-lost", Needs.REDIS_PROXY),
    /** The job's traffic to Redis hangs (no RST, no FIN) for {@code --stall}, then flows again. */
    REDIS_BLACKHOLE("redis-blackhole", Needs.REDIS_PROXY),
    /** Every connection of the job to Redis is reset (RST) once. */
    REDIS_RESET("redis-reset", Needs.REDIS_PROXY),
    /** The job's traffic to the broker hangs (no RST, no FIN) for {@code --stall}, then flows again. */
    KAFKA_BLACKHOLE("kafka-blackhole", Needs.KAFKA_PROXY),
    /** {@code --latency} (with jitter) is added to the broker's replies to the job for {@code --stall}. */
    KAFKA_LATENCY("kafka-latency", Needs.KAFKA_PROXY),
    /** Every connection of the job to the broker is reset (RST) once. */
    KAFKA_RESET("kafka-reset", Needs.KAFKA_PROXY),
    /**
     * The JobMaster loses its leadership of the job and gets it back: a new JobMaster restores the job, under the
     * same id, from its latest completed checkpoint; every task restarts.
     */
    JOBMANAGER_FAILOVER("jobmanager-failover", Needs.EMBEDDED_FLINK),
    /**
     * A server's container is killed ({@code docker kill}: SIGKILL to everything in it) and started again on its
     * file system: Redis on its AOF, the broker on its logs. {@code container-kill:redis|kafka}.
     */
    CONTAINER_KILL("container-kill", Needs.CONTAINERS),
    /** A server's container is frozen by the cgroup freezer ({@code docker pause}) for {@code --stall}, then thawed. */
    CONTAINER_PAUSE("container-pause", Needs.CONTAINERS),
    /**
     * A server's container is disconnected from the run's Docker network for {@code --stall}, then connected
     * again: its peers' packets go nowhere (connections hang, then time out), as in a real partition.
     */
    NETWORK_PARTITION("network-partition", Needs.CONTAINERS),
    /**
     * {@code --latency}, with a jitter of a quarter of it, is added to everything a server's container sends, by
     * {@code tc netem} inside it, for {@code --stall}.
     */
    NETWORK_DELAY("network-delay", Needs.CONTAINERS);

    /** What a kind needs the harness to control. */
    public enum Needs {
        NOTHING,
        /** A Flink cluster the harness started (embedded, or local processes), not a user's. */
        OWN_FLINK,
        /** The embedded MiniCluster (its HA services let the harness take a JobMaster's leadership away). */
        EMBEDDED_FLINK,
        /** TaskManager processes the harness owns (the local cluster): it sends them signals. */
        FLINK_PROCESSES,
        EMBEDDED_REDIS,
        /** The single embedded broker (one node: it restarts it, or puts a proxy in front of its listener). */
        EMBEDDED_KAFKA,
        /** The embedded Kafka of three brokers ({@code --brokers 3}), whose partition leaders it kills. */
        KAFKA_CLUSTER,
        /** A parent process that kills the worker and resumes it. */
        SUPERVISOR,
        /** The harness's fault proxy between the job and the embedded Redis. */
        REDIS_PROXY,
        /** The harness's fault proxy between the job and the embedded broker (a listener advertised at it). */
        KAFKA_PROXY,
        /** Servers in Docker containers the harness started ({@code --infra docker}). */
        CONTAINERS
    }

    private final String cliName;
    private final Needs needs;

    FaultKind(String cliName, Needs needs) {
        this.cliName = cliName;
        this.needs = needs;
    }

    public String cliName() {
        return cliName;
    }

    public Needs needs() {
        return needs;
    }

    /** Whether the fault interrupts tasks (and so has a restarted attempt whose first record ends recovery). */
    public boolean restartsTasks() {
        return this == TASK_EXCEPTION || this == TASKMANAGER_STOP || this == TASKMANAGER_KILL
                || this == TASKMANAGER_FREEZE;
    }

    /** Whether the fault hits one server, named after a colon ({@code container-kill:redis}). */
    public boolean hitsServer() {
        return needs == Needs.CONTAINERS;
    }

    /** Parses a kind by its CLI name. */
    public static FaultKind parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (FaultKind kind : values()) {
            if (kind.cliName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + text + "': use one of " + names());
    }

    /** The CLI names, comma separated. */
    public static String names() {
        return Arrays.stream(values()).map(FaultKind::cliName).collect(Collectors.joining(", "));
    }

    /** Every kind, in declaration order. */
    public static List<FaultKind> all() {
        return List.of(values());
    }

    /**
     * Whether the fault is over the instant it is injected (a throw, a stop, a kill: what follows is recovery),
     * rather than when its injector returns (a stall or a freeze lasts until the thaw, a restart until the
     * server is back).
     */
    public boolean overWhenInjected() {
        return (restartsTasks() && this != TASKMANAGER_FREEZE) || this == REDIS_REPLY_LOST || this == REDIS_RESET
                || this == KAFKA_RESET;
    }

    /**
     * Whether the fault ends the job and starts a new one from a snapshot of it (a savepoint or an older
     * checkpoint): its tasks are the new job's, numbered after the old job's attempts.
     */
    public boolean replacesJob() {
        return this == RESCALE || this == ROLLBACK;
    }

    /** Whether the fault goes through the fault proxy between the job and a server (which runs only then). */
    public boolean needsProxy() {
        return needs == Needs.REDIS_PROXY || needs == Needs.KAFKA_PROXY;
    }

    /** Whether the fault ends the process it hits (and so can happen at most once per run, for now). */
    public boolean endsProcess() {
        return this == PROCESS_KILL;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
