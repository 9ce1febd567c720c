package io.streamstress.runner.infra;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.netty.channel.ConnectTimeoutException;
import io.streamstress.chaos.proxy.FaultProxy;
import io.streamstress.kafka.broker.BindFailure;
import io.streamstress.kafka.broker.BrokerSettings;
import io.streamstress.kafka.broker.ClusterSettings;
import io.streamstress.kafka.broker.EmbeddedKafkaBroker;
import io.streamstress.kafka.broker.EmbeddedKafkaCluster;
import io.streamstress.kafka.topic.KafkaUnavailableException;
import io.streamstress.kafka.topic.TopicAdmin;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.redis.client.RedisUris;
import io.streamstress.redis.server.EmbeddedRedisServer;
import io.streamstress.redis.server.PortTakenException;
import io.streamstress.redis.server.RedisServerSettings;
import io.streamstress.runner.config.StressConfig;
import io.streamstress.runner.infra.cluster.ClusterKind;
import io.streamstress.runner.infra.docker.DockerRun;
import io.streamstress.runner.infra.docker.DockerServers;
import java.io.IOException;
import java.net.ConnectException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka and Redis a run talks to: embedded ones it starts (loopback, data in the run directory), or
 * external ones it only checks for reachability (an external Redis first of all, {@link #checkExternalRedis}).
 * {@link #close()} stops what it started.
 */
public final class Infrastructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);

    /** One connection attempt to an external Redis may take this long; attempts repeat until the timeout. */
    private static final Duration PING_ATTEMPT = Duration.ofSeconds(5);

    private EmbeddedKafkaBroker broker;
    /** The embedded brokers, when there are three of them ({@code --brokers 3}); {@link #broker} is then null. */
    private EmbeddedKafkaCluster kafkaCluster;
    private EmbeddedRedisServer redis;
    /** The servers' containers, with {@code --infra docker}. */
    private DockerServers docker;
    private String bootstrapServers;
    private String redisUri;
    private JobProxies proxies;
    /** Whether the job runs in containers of the run's network ({@code --cluster docker}): it reaches the servers there. */
    private boolean jobOnDockerNetwork;
    /** The fault proxy in front of the broker's listener for the job, when a fault needs it. */
    private FaultProxy kafkaProxy;

    /**
     * Starts or checks Kafka, and starts Redis unless it is external (checked before), telling the user what
     * it waits for. A resumed run starts the embedded servers again on their ports, data and password; a port of
     * theirs that something else took meanwhile makes that server start on fresh ports instead
     * ({@link #settingsFor} then tells the new ones).
     *
     * @param docker the run's place on the Docker engine, with {@code --infra docker} (null otherwise): the servers
     *     start in containers of it
     */
    public static Infrastructure start(StressConfig config, RunDirectory dir, Console console,
            Optional<RunSettings> resumed, DockerRun docker) throws HarnessException, InterruptedException {
        Infrastructure infra = new Infrastructure();
        try {
            if (config.infra().docker()) {
                infra.docker = DockerServers.start(docker, config.infra().redisImage(), config.infra().jreImage(), console);
                infra.redisUri = infra.docker.redisUri();
                infra.bootstrapServers = infra.docker.bootstrapServers();
                infra.jobOnDockerNetwork = config.cluster().kind() == ClusterKind.DOCKER;
                infra.proxies = JobProxies.start(config.chaos(),
                        infra.jobOnDockerNetwork ? infra.docker.redisUriOnNetwork() : infra.redisUri, null, null, console);
                return infra;
            }
            infra.startRedis(config, dir, console, resumed);
            infra.startKafka(config, dir, console, resumed);
            infra.proxies = JobProxies.start(config.chaos(), infra.redisUri, infra.broker, infra.kafkaProxy, console);
            return infra;
        } catch (HarnessException | InterruptedException | RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    /** {@link #start(StressConfig, RunDirectory, Console, Optional, DockerRun)} for a run without Docker. */
    public static Infrastructure start(StressConfig config, RunDirectory dir, Console console,
            Optional<RunSettings> resumed) throws HarnessException, InterruptedException {
        return start(config, dir, console, resumed, null);
    }

    private void startKafka(StressConfig config, RunDirectory dir, Console console, Optional<RunSettings> resumed)
            throws HarnessException, InterruptedException {
        if (config.bootstrapServers().isPresent()) {
            bootstrapServers = config.bootstrapServers().get();
            Console.Step step = console.step("Checking external Kafka at " + bootstrapServers);
            try (TopicAdmin admin = new TopicAdmin(bootstrapServers, config.connectTimeout(), config.kafka().client())) {
                admin.awaitReachable();
            } catch (KafkaUnavailableException e) {
                throw new HarnessException(e.getMessage(), e);
            }
            step.done("reachable");
            return;
        }
        if (config.kafka().embeddedBrokers() == 3) {
            startKafkaCluster(config, dir, console);
            return;
        }
        Console.Step step = console.step("Starting Kafka broker (embedded, KRaft)");
        String note = "";
        BrokerSettings fresh = BrokerSettings.loopback(dir.kafka());
        if (JobProxies.needsKafkaProxy(config.chaos())) {
            // The job's listener is advertised at the proxy's port: the proxy binds first, learns where to
            // forward once the broker is up.
            kafkaProxy = FaultProxy.startUnbound("Kafka");
            fresh = fresh.withProxiedListener(kafkaProxy.address().getHostString(), kafkaProxy.port());
        }
        broker = new EmbeddedKafkaBroker(resumed.isPresent()
                ? fresh.withPorts(resumed.get().brokerPort(), resumed.get().controllerPort())
                : fresh);
        try {
            try {
                broker.start();
            } catch (RuntimeException e) {
                if (resumed.isEmpty() || !BindFailure.isPortTaken(e)) {
                    throw e;
                }
                // The resumed job and its clients are built from the new addresses; run.properties gets them too.
                LOG.warn("The run's Kafka ports {}/{} are taken now: starting the broker on fresh ports",
                        resumed.get().brokerPort(), resumed.get().controllerPort());
                broker.close();
                broker = new EmbeddedKafkaBroker(fresh);
                broker.start();
                note = String.format(" (the run's ports %d/%d were taken: fresh ports)", resumed.get().brokerPort(),
                        resumed.get().controllerPort());
            }
        } catch (KafkaUnavailableException | RuntimeException e) {
            throw new HarnessException("the embedded Kafka broker did not start: " + e.getMessage(), e);
        }
        bootstrapServers = broker.bootstrapServers();
        step.done(bootstrapServers + note + retried(broker.takenPorts()));
    }

    /** Three brokers, each a KRaft controller too (a resumed run has one broker: three are refused with --resume). */
    private void startKafkaCluster(StressConfig config, RunDirectory dir, Console console)
            throws HarnessException, InterruptedException {
        Console.Step step = console.step("Starting Kafka (embedded, KRaft, 3 brokers)");
        kafkaCluster = new EmbeddedKafkaCluster(ClusterSettings.loopback(dir.kafka(), 3));
        try {
            kafkaCluster.start();
        } catch (KafkaUnavailableException | RuntimeException e) {
            throw new HarnessException("the embedded Kafka brokers did not start: " + e.getMessage(), e);
        }
        bootstrapServers = kafkaCluster.bootstrapServers();
        step.done(bootstrapServers + retried(kafkaCluster.takenPorts()));
    }

    private void startRedis(StressConfig config, RunDirectory dir, Console console, Optional<RunSettings> resumed)
            throws HarnessException, InterruptedException {
        if (config.redisUri().isPresent()) {
            redisUri = config.redisUri().get();  // checked by checkExternalRedis before anything started
            return;
        }
        Console.Step step = console.step("Starting Redis (embedded, AOF, password)");
        RedisServerSettings settings;
        if (resumed.isPresent()) {
            settings = RedisServerSettings.loopback(dir.redis(), resumed.get().redisPassword())
                    .withPort(resumed.get().redisPort());
        } else {
            byte[] secret = new byte[12];
            new SecureRandom().nextBytes(secret);
            settings = RedisServerSettings.loopback(dir.redis(), HexFormat.of().formatHex(secret));
        }
        redis = new EmbeddedRedisServer(settings);
        String note = "";
        try {
            try {
                redis.start();
            } catch (PortTakenException e) {
                if (resumed.isEmpty()) {
                    throw e;
                }
                // Same data dir (AOF) and password on a fresh port; the resumed job connects to the new address.
                LOG.warn("The run's Redis port {} is taken now: starting Redis on a fresh port", e.port());
                redis = new EmbeddedRedisServer(settings.withPort(0));
                redis.start();
                note = String.format(" (the run's port %d was taken: a fresh port)", e.port());
            }
        } catch (IOException | RuntimeException e) {
            throw new HarnessException("the embedded Redis did not start: " + e.getMessage(), e);
        }
        redisUri = redis.uri();
        step.done("127.0.0.1:" + redis.port() + note + retried(redis.takenPorts()));
    }

    /** What the console says about ports a start found taken and retried past; empty when there were none. */
    private static String retried(List<Integer> takenPorts) {
        if (takenPorts.isEmpty()) {
            return "";
        }
        return " (port " + takenPorts.stream().map(p -> p == 0 ? "?" : String.valueOf(p)).collect(Collectors.joining(", "))
                + " taken meanwhile: retried)";
    }

    /**
     * With {@code --redis-uri}: checks that the external Redis answers, before the run starts anything else
     * (the MiniCluster's start cannot be called off half-way, so a refused connection or a wrong password
     * found while it starts would wait for it: seconds on a busy machine). {@link #start} then takes it as
     * checked.
     */
    public static void checkExternalRedis(StressConfig config, Console console) throws HarnessException, InterruptedException {
        if (config.redisUri().isEmpty()) {
            return;
        }
        Console.Step step = console.step("Checking external Redis at " + RedisUris.redact(config.redisUri().get()));
        ping(config.redisUri().get(), config.connectTimeout());
        step.done("reachable");
    }

    /**
     * Checks that Redis answers an authenticated PING within {@code timeout}. A refused connection is final
     * (nothing listens on that port: waiting would not change it), a wrong password too; a server that does
     * not answer is tried again until the timeout.
     */
    static void ping(String uri, Duration timeout) throws HarnessException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String where = RedisUris.redact(uri);
        while (true) {
            Duration remaining = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0));
            Duration attempt = remaining.compareTo(PING_ATTEMPT) < 0 ? remaining.plusMillis(100) : PING_ATTEMPT;
            try (RedisConnections connections = RedisConnections.open(uri, attempt)) {
                connections.commands().ping();
                return;
            } catch (RedisCommandExecutionException e) {
                throw new HarnessException("Redis at " + where + " refused us: " + e.getMessage()
                        + " (check the password in --redis-uri)", e);
            } catch (RedisException e) {
                String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                if (reason != null && (reason.contains("WRONGPASS") || reason.contains("NOAUTH")
                        || reason.contains("invalid password"))) {
                    throw new HarnessException("Redis at " + where + " refused the password: " + reason, e);
                }
                if (refused(e)) {
                    throw new HarnessException("Redis at " + where + " refused the connection: " + reason
                            + " (is it running, and on that port?)", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new HarnessException("Redis at " + where + " is not reachable within "
                            + timeout.toSeconds() + " s: " + reason, e);
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * Whether the connection was refused: a {@link ConnectException} in the cause chain other than Netty's
     * connect time-out (which extends it, and means a server that did not answer, worth waiting for).
     */
    private static boolean refused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException && !(cause instanceof ConnectTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    /** What a later {@code --resume} needs to start these servers again. */
    public RunSettings settingsFor(String runId, List<String> args) {
        return new RunSettings(runId, args,
                redis == null ? 0 : redis.port(), redis == null ? "" : redis.settings().password(),
                broker == null ? 0 : broker.settings().brokerPort(), broker == null ? 0 : broker.settings().controllerPort());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String redisUri() {
        return redisUri;
    }

    /** The fault proxies between the job and its servers (none unless a fault goes through one). */
    public JobProxies proxies() {
        return proxies;
    }

    /**
     * The Kafka the job reads: {@link #bootstrapServers()}, or its fault proxy's when it has one, or the broker's
     * name on the run's Docker network when the job runs there.
     */
    public String bootstrapServersForJob() {
        String direct = jobOnDockerNetwork ? docker.bootstrapServersOnNetwork() : bootstrapServers;
        return proxies == null ? direct : proxies.bootstrapServersForJob().orElse(direct);
    }

    /**
     * The Redis URI the job counts in: {@link #redisUri()}, or its fault proxy's when it has one, or Redis's name on
     * the run's Docker network when the job runs there.
     */
    public String redisUriForJob() {
        return proxies == null ? redisUriTasksReach() : proxies.redisUriForJob();
    }

    /**
     * The Redis the job's probe channel writes to: the job's Redis without any fault proxy (the probes must get
     * through a fault the proxy makes).
     */
    public String redisUriForProbes() {
        return redisUriTasksReach();
    }

    /** Redis as the job's tasks reach it directly: on the run's Docker network, or where the harness does. */
    private String redisUriTasksReach() {
        return jobOnDockerNetwork ? docker.redisUriOnNetwork() : redisUri;
    }

    /** The embedded broker, when this run started one. */
    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /** The embedded brokers, when this run started three. */
    public EmbeddedKafkaCluster kafkaCluster() {
        return kafkaCluster;
    }

    /** The servers' containers, when this run runs them in Docker. */
    public DockerServers docker() {
        return docker;
    }

    /** The embedded Redis, when this run started one. */
    public EmbeddedRedisServer redis() {
        return redis;
    }

    @Override
    public synchronized void close() {
        if (proxies != null) {
            proxies.close();
            proxies = null;
        } else if (kafkaProxy != null) {
            kafkaProxy.close();
        }
        kafkaProxy = null;
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (kafkaCluster != null) {
            kafkaCluster.close();
            kafkaCluster = null;
        }
        if (redis != null) {
            redis.close();
            redis = null;
        }
        if (docker != null) {
            docker.close();
            docker = null;
        }
    }
}
