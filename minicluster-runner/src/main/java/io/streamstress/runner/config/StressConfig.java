package io.streamstress.runner.config;

import io.streamstress.chaos.plan.FaultKind;
import io.streamstress.chaos.plan.FaultPlan;
import io.streamstress.chaos.plan.PlannedFault;
import io.streamstress.chaos.plan.ServerRole;
import io.streamstress.checkpoints.StateBackendKind;
import io.streamstress.kafka.producer.ProducerSettings;
import io.streamstress.kafka.producer.TrafficPattern;
import io.streamstress.kafka.record.StressRecordCodec;
import io.streamstress.redis.client.RedisUris;
import io.streamstress.runner.infra.cluster.ClusterKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a stress run needs to know, validated on construction with messages that name the option.
 *
 * @param messages messages to produce and count
 * @param partitions partitions of the topic (and parallelism of the job)
 * @param recordSize bytes per record
 * @param ratePerSecond producer rate cap, 0 = unlimited
 * @param preload produce everything before the job starts (otherwise while it runs)
 * @param taskManagers TaskManagers of the MiniCluster
 * @param slotsPerTaskManager slots per TaskManager
 * @param checkpointInterval time between checkpoints
 * @param stateBackend the state backend
 * @param delivery the sink's guarantee
 * @param faults the fault plan, with how long stalls last and where a rescale goes
 * @param flinkConfig extra Flink configuration ({@code -Dkey=value}) for the cluster and the job
 * @param kafka the Kafka: external or embedded (one broker or three), the topic and the consumer group
 * @param redisUri external Redis, or empty for the embedded server
 * @param runDir the run directory, or empty for a fresh temporary one
 * @param keep keep the run directory afterwards
 * @param maxTime the whole run's time limit
 * @param connectTimeout how long to wait for an external server to answer
 * @param expectThroughput messages per second the run must reach (judged in the report), if given
 * @param expectRecovery the longest recovery any fault may take (judged in the report), if given
 * @param trafficPattern how the offered load changes over time ({@link TrafficPattern#NONE}: {@code ratePerSecond})
 * @param metricsPort the harness's Prometheus endpoint on this loopback port, Flink's on the next one; 0 = off
 * @param cluster where the job runs: the embedded MiniCluster, local processes, or a user's cluster
 * @param infra where the Kafka and Redis the run starts itself run: embedded, or in Docker containers
 */
public record StressConfig(
        long messages,
        int partitions,
        int recordSize,
        long ratePerSecond,
        boolean preload,
        int taskManagers,
        int slotsPerTaskManager,
        Duration checkpointInterval,
        StateBackendKind stateBackend,
        Delivery delivery,
        ChaosSettings faults,
        Map<String, String> flinkConfig,
        KafkaSettings kafka,
        Optional<String> redisUri,
        Optional<Path> runDir,
        boolean keep,
        Duration maxTime,
        Duration connectTimeout,
        Optional<Long> expectThroughput,
        Optional<Duration> expectRecovery,
        TrafficPattern trafficPattern,
        int metricsPort,
        ClusterChoice cluster,
        InfraSettings infra) {

    public static final long DEFAULT_MESSAGES = 10_000_000L;
    public static final int DEFAULT_PARTITIONS = 20;
    public static final int DEFAULT_RECORD_SIZE = ProducerSettings.DEFAULT_RECORD_SIZE;
    public static final int DEFAULT_TASK_MANAGERS = 20;
    public static final int DEFAULT_SLOTS_PER_TASK_MANAGER = 1;
    public static final String DEFAULT_GROUP_ID = KafkaSettings.DEFAULT_GROUP_ID;
    public static final long DEFAULT_CHAOS_SEED = FaultPlan.DEFAULT_SEED;
    /** More partitions than this would not fit sensible MiniClusters on a laptop. */
    public static final int MAX_PARTITIONS = 1_000;

    public StressConfig {
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(stateBackend, "stateBackend");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(faults, "faults");
        FaultPlan chaos = faults.plan();
        flinkConfig = Map.copyOf(flinkConfig);
        Objects.requireNonNull(kafka, "kafka");
        Optional<String> bootstrapServers = kafka.bootstrapServers();
        int embeddedBrokers = kafka.embeddedBrokers();
        Objects.requireNonNull(maxTime, "maxTime");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(infra, "infra");
        require(!infra.docker() || (bootstrapServers.isEmpty() && redisUri.isEmpty()),
                "--infra docker starts Kafka and Redis in containers: drop --bootstrap-servers and --redis-uri");
        require(cluster.kind() != ClusterKind.DOCKER || infra.docker(),
                "--cluster docker runs Flink in containers on the servers' Docker network: add --infra docker");
        require(!infra.docker() || embeddedBrokers == 1,
                "--infra docker starts one broker for now: drop --brokers 3");
        require(messages >= 1, "--messages must be at least 1, was " + messages);
        require(partitions >= 1 && partitions <= MAX_PARTITIONS,
                "--partitions must be between 1 and " + MAX_PARTITIONS + ", was " + partitions);
        require(recordSize >= StressRecordCodec.HEADER_BYTES && recordSize <= 1024 * 1024,
                "--record-size must be between " + StressRecordCodec.HEADER_BYTES
                        + " (room for sequence, id and timestamp) and 1048576 bytes, was " + recordSize);
        require(ratePerSecond >= 0, "--rate must be 0 (unlimited) or positive, was " + ratePerSecond);
        require(taskManagers >= 1, "--task-managers must be at least 1, was " + taskManagers);
        require(slotsPerTaskManager >= 1, "--slots-per-task-manager must be at least 1, was " + slotsPerTaskManager);
        require(cluster.kind() == ClusterKind.REMOTE || (long) taskManagers * slotsPerTaskManager >= partitions,
                "--task-managers × --slots-per-task-manager (" + (long) taskManagers * slotsPerTaskManager
                        + " slots) must be at least --partitions (" + partitions + "): the job runs one subtask per partition");
        require(checkpointInterval.toMillis() >= 10,
                "--checkpoint-interval must be at least 10ms, was " + checkpointInterval.toMillis() + "ms");
        require(!maxTime.isNegative() && !maxTime.isZero(), "--max-time must be positive");
        require(!connectTimeout.isNegative() && !connectTimeout.isZero(), "--connect-timeout must be positive");
        require(chaos.count(FaultKind.RESCALE) == 0 || faults.rescaleTarget(partitions) != partitions,
                "--rescale-to (" + faults.rescaleTarget(partitions) + ") must differ from the job's parallelism ("
                        + partitions + ", one subtask per partition) for --chaos rescale");
        require(chaos.count(FaultKind.RESCALE) == 0 || cluster.kind() == ClusterKind.REMOTE
                        || (long) taskManagers * slotsPerTaskManager >= faults.rescaleTarget(partitions),
                "--rescale-to " + faults.rescaleTarget(partitions) + " needs as many slots, the cluster has "
                        + (long) taskManagers * slotsPerTaskManager + ": raise --task-managers or --slots-per-task-manager");
        require(expectThroughput.map(t -> t > 0).orElse(true), "--expect-throughput must be positive");
        require(expectRecovery.map(r -> !r.isNegative() && !r.isZero()).orElse(true), "--expect-recovery must be positive");
        Objects.requireNonNull(trafficPattern, "trafficPattern");
        require(!trafficPattern.needsBaseRate() || ratePerSecond > 0,
                "--traffic-pattern gives a rate in %, which is a share of --rate: set --rate too");
        require(trafficPattern.windows().stream().allMatch(w -> w.startMillis() < maxTime.toMillis()),
                "--traffic-pattern has a window starting at or after --max-time (" + maxTime.toSeconds()
                        + " s): it could never apply");
        require(metricsPort >= 0 && metricsPort < 65535,
                "--metrics-port must be 0 (off) or a port from 1 to 65534 (Flink's metrics use the next one), was "
                        + metricsPort);
        require(delivery != Delivery.AT_MOST_ONCE || chaos.count(FaultKind.PROCESS_KILL) == 0,
                "--delivery at-most-once cannot be combined with --chaos process-kill: a resumed job is stopped once "
                        + "every message is committed, which a sink that loses records never reaches; show its loss "
                        + "with task-exception or taskmanager-stop");
        for (FaultKind kind : chaos.kinds()) {
            require(kind.needs() != FaultKind.Needs.FLINK_PROCESSES || cluster.kind().ownsProcesses(),
                    "--chaos " + kind + " needs TaskManager processes the harness owns: use --cluster local (on "
                            + (cluster.kind() == ClusterKind.EMBEDDED ? "the embedded MiniCluster TaskManagers are threads"
                                    : "a cluster of your own the harness cannot signal its processes") + ")");
            require(kind.needs() != FaultKind.Needs.OWN_FLINK || cluster.kind() != ClusterKind.REMOTE,
                    "--chaos " + kind + " needs a Flink cluster the harness started (embedded or --cluster local): "
                            + "it cannot stop the TaskManagers of a cluster of your own");
            require(kind != FaultKind.PROCESS_KILL || cluster.kind() != ClusterKind.REMOTE,
                    "--chaos process-kill kills the harness with its cluster and resumes: use --cluster embedded or "
                            + "local (a cluster of your own would keep the job running)");
            require(kind.needs() != FaultKind.Needs.EMBEDDED_FLINK || cluster.kind() == ClusterKind.EMBEDDED,
                    "--chaos " + kind + " needs the embedded MiniCluster (its HA services let the harness take the "
                            + "JobMaster's leadership away): drop --cluster or choose another fault");
            require(kind.needs() != FaultKind.Needs.REDIS_PROXY || redisUri.isEmpty(),
                    "--chaos " + kind + " needs the embedded Redis (the harness puts its fault proxy in front of it): "
                            + "drop --redis-uri or choose another fault");
            require(kind.needs() != FaultKind.Needs.KAFKA_PROXY || bootstrapServers.isEmpty(),
                    "--chaos " + kind + " needs the embedded broker (the harness gives the job a listener behind its "
                            + "fault proxy): drop --bootstrap-servers or choose another fault");
            require(kind.needs() != FaultKind.Needs.EMBEDDED_REDIS || redisUri.isEmpty(),
                    "--chaos " + kind + " needs the embedded Redis (the harness pauses or kills it): drop --redis-uri"
                            + " or choose another fault");
            require(kind.needs() != FaultKind.Needs.EMBEDDED_KAFKA || bootstrapServers.isEmpty(),
                    "--chaos " + kind + " needs the embedded broker (the harness restarts it): drop --bootstrap-servers"
                            + " or choose another fault");
            require((kind.needs() != FaultKind.Needs.EMBEDDED_KAFKA && kind.needs() != FaultKind.Needs.KAFKA_PROXY)
                            || embeddedBrokers != 3,
                    "--chaos " + kind + " acts on the single embedded broker: drop --brokers 3"
                            + (kind == FaultKind.BROKER_RESTART ? " (with 3, broker-leader-kill kills one of them)" : ""));
            require(kind.needs() != FaultKind.Needs.KAFKA_CLUSTER || embeddedBrokers == 3,
                    "--chaos " + kind + " needs the embedded Kafka of 3 brokers: add --brokers 3"
                            + (bootstrapServers.isPresent() ? " and drop --bootstrap-servers" : ""));
            require(kind.needs() != FaultKind.Needs.KAFKA_CLUSTER || kafka.replication().orElse((short) 1) >= 2,
                    "--chaos " + kind + " needs a topic with 2 or 3 replicas, --replication-factor is "
                            + kafka.replicationFactor() + ": a partition of 1 replica has no other broker to lead it");
            require(kind.needs() != FaultKind.Needs.CONTAINERS || infra.docker(),
                    "--chaos " + kind + " acts on the servers' Docker containers: add --infra docker");
            require(kind.needs() != FaultKind.Needs.KAFKA_PROXY || !infra.docker(),
                    "--chaos " + kind + " puts the harness's proxy in front of the embedded broker: with --infra docker "
                            + "use network-partition:kafka or network-delay:kafka");
            require(kind.needs() != FaultKind.Needs.REDIS_PROXY || cluster.kind() != ClusterKind.DOCKER,
                    "--chaos " + kind + " puts the harness's proxy in front of Redis, which the job on --cluster docker "
                            + "reaches on the Docker network, past it: use network-partition:redis or container-pause:redis");
            require(kind != FaultKind.PROCESS_KILL || !infra.docker(),
                    "--chaos process-kill resumes the run on the embedded servers' ports and data: drop --infra docker");
            require(kind != FaultKind.PROCESS_KILL || embeddedBrokers != 3,
                    "--chaos process-kill resumes the run on the single embedded broker's ports: drop --brokers 3");
        }
        for (PlannedFault fault : chaos.faults()) {
            boolean onTaskManager = fault.server().filter(role -> role == ServerRole.TASKMANAGER).isPresent();
            require(!onTaskManager || cluster.kind() == ClusterKind.DOCKER,
                    "--chaos " + fault + ": the TaskManagers do not run in containers (the job runs on the "
                            + cluster + " cluster): add --cluster docker, or use taskmanager-kill or "
                            + "taskmanager-freeze with --cluster local");
            require(!onTaskManager || fault.kind() != FaultKind.NETWORK_DELAY,
                    "--chaos " + fault + ": a delay is added to the servers' containers only: name one, "
                            + "network-delay:redis or network-delay:kafka");
        }
        redisUri.ifPresent(uri -> {
            try {
                RedisUris.parse(uri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--redis-uri " + e.getMessage(), e);
            }
        });
    }

    /** External Kafka, or empty for the embedded brokers. */
    public Optional<String> bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Topic name, or empty for {@code stress-<run id>}. */
    public Optional<String> topic() {
        return kafka.topic();
    }

    /** Consumer group the source commits its offsets to. */
    public String groupId() {
        return kafka.groupId();
    }

    /** Parallelism of the job: one subtask per partition. */
    public int parallelism() {
        return partitions;
    }

    /** The fault plan. */
    public FaultPlan chaos() {
        return faults.plan();
    }

    /** How long a stall or a freeze lasts. */
    public Duration stall() {
        return faults.stall();
    }

    /** The parallelism a {@code rescale} goes to (and a second one back to {@link #parallelism()}). */
    public int rescaleTarget() {
        return faults.rescaleTarget(parallelism());
    }

    /**
     * The fault kinds this run can inject: those needing an embedded server only when it is embedded, those of the
     * single broker with one, those of three brokers with three (and partitions of more than one replica).
     */
    public static Set<FaultKind> injectableKinds(KafkaSettings kafka, boolean embeddedRedis, ClusterKind cluster) {
        return injectableKinds(kafka, embeddedRedis, cluster, false);
    }

    /**
     * {@link #injectableKinds(KafkaSettings, boolean, ClusterKind)}, with the servers in Docker containers when
     * {@code docker}: the container faults then, and not the broker proxy's nor process-kill.
     */
    public static Set<FaultKind> injectableKinds(KafkaSettings kafka, boolean embeddedRedis, ClusterKind cluster,
            boolean docker) {
        int brokers = kafka.embeddedBrokers();
        boolean embeddedKafka = brokers == 1;
        boolean replicated = brokers == 3 && kafka.replication().orElse((short) 1) >= 2;
        return FaultKind.all().stream()
                .filter(k -> k.needs() != FaultKind.Needs.FLINK_PROCESSES || cluster.ownsProcesses())
                .filter(k -> k.needs() != FaultKind.Needs.OWN_FLINK || cluster != ClusterKind.REMOTE)
                .filter(k -> k.needs() != FaultKind.Needs.EMBEDDED_FLINK || cluster == ClusterKind.EMBEDDED)
                .filter(k -> (k.needs() != FaultKind.Needs.EMBEDDED_REDIS && k.needs() != FaultKind.Needs.REDIS_PROXY)
                        || embeddedRedis)
                .filter(k -> k.needs() != FaultKind.Needs.KAFKA_PROXY || embeddedKafka)
                .filter(k -> k.needs() != FaultKind.Needs.EMBEDDED_KAFKA || embeddedKafka)
                .filter(k -> k.needs() != FaultKind.Needs.KAFKA_CLUSTER || replicated)
                .filter(k -> k != FaultKind.PROCESS_KILL || brokers != 3)
                .filter(k -> k.needs() != FaultKind.Needs.CONTAINERS || docker)
                .filter(k -> (k.needs() != FaultKind.Needs.REDIS_PROXY && k != FaultKind.NETWORK_DELAY)
                        || cluster != ClusterKind.DOCKER)
                .filter(k -> (k.needs() != FaultKind.Needs.KAFKA_PROXY && k != FaultKind.PROCESS_KILL) || !docker)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
