package io.streamstress.runner.infra.docker;

import io.streamstress.kafka.broker.BrokerSettings;
import io.streamstress.kafka.broker.PortPicker;
import io.streamstress.kafka.broker.ProxiedListener;
import io.streamstress.kafka.broker.ServerProperties;
import io.streamstress.kafka.topic.KafkaUnavailableException;
import io.streamstress.kafka.topic.TopicAdmin;
import io.streamstress.redis.client.RedisConnections;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.HarnessException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The run's servers in Docker: a network of the run's, a Redis container ({@code redis-server} with a password and
 * an AOF synced on every write, as the embedded one) and a broker container running Kafka's own {@code kafka.Kafka}
 * (a single KRaft node, this jar's Kafka, the embedded broker's settings) from the harness's class path. Each is
 * published on a loopback port for the harness and the job, and named on the network ({@value #REDIS_ALIAS},
 * {@value #KAFKA_ALIAS}) for other containers. Every container and the network carry the run's label and are
 * removed by {@link #close()}, which a shutdown hook also calls: no container outlives the run.
 */
public final class DockerServers implements AutoCloseable {

    static final String REDIS_ALIAS = "redis";
    static final String KAFKA_ALIAS = "kafka";
    static final int REDIS_PORT = 6379;
    /** The broker's listener for the other containers ({@value #KAFKA_ALIAS}:9092). */
    static final int KAFKA_NETWORK_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    /** The broker's listener published on this machine's loopback, advertised there. */
    static final int KAFKA_HOST_LISTENER_PORT = 19092;
    static final String HOST_LISTENER = "HOST";
    private static final String KAFKA_DIR = "/opt/streamstress";
    private static final Duration READY_PATIENCE = Duration.ofSeconds(60);

    private final DockerRun run;
    private ServerContainer redis;
    private ServerContainer kafka;
    private String password;
    private int redisHostPort;
    private String bootstrapServers;

    private DockerServers(DockerRun run) {
        this.run = run;
    }

    /**
     * Starts Redis and the broker in containers of {@code run} from {@code redisImage} and {@code jreImage},
     * telling the user what it waits for; on failure removes what it started and says why (with the container's
     * last output).
     */
    public static DockerServers start(DockerRun run, String redisImage, String jreImage, Console console)
            throws HarnessException, InterruptedException {
        DockerServers servers = new DockerServers(run);
        try {
            servers.startRedis(redisImage, console);
            servers.startKafka(jreImage, console);
            return servers;
        } catch (HarnessException | InterruptedException | RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    private void startRedis(String image, Console console) throws HarnessException, InterruptedException {
        Console.Step step = console.step("Starting Redis in a container (" + image + ", AOF, password)");
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String secretText = HexFormat.of().formatHex(secret);
        int hostPort = ContainerPorts.freeLoopbackPort();
        String uri = "redis://:" + secretText + "@" + ContainerPorts.LOOPBACK + ":" + hostPort;
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withCreateContainerCmdModifier(ContainerPorts.published(REDIS_PORT, hostPort))
                .withCommand("sh", "-c", "mkdir -p /data && exec redis-server --port " + REDIS_PORT
                        + " --bind 0.0.0.0 --protected-mode no --requirepass " + secretText
                        + " --dir /data --save '' --appendonly yes --appendfilename streamstress.aof --appendfsync always");
        redis = run.start("Redis", container, REDIS_ALIAS, () -> awaitRedis(uri));
        password = secretText;
        redisHostPort = hostPort;
        step.done(ContainerPorts.LOOPBACK + ":" + hostPort + " (" + REDIS_ALIAS + ":" + REDIS_PORT + " on the network)");
    }

    private void startKafka(String image, Console console) throws HarnessException, InterruptedException {
        Console.Step step = console.step("Starting the Kafka broker in a container (" + image + ", KRaft)");
        int hostPort = ContainerPorts.freeLoopbackPort();
        String servers = ContainerPorts.LOOPBACK + ":" + hostPort;
        String classPath = ClasspathBinds.classPath();
        GenericContainer<?> container = ClasspathBinds.bound(new GenericContainer<>(DockerImageName.parse(image)), classPath)
                .withCreateContainerCmdModifier(ContainerPorts.published(KAFKA_HOST_LISTENER_PORT, hostPort))
                .withCopyToContainer(Transferable.of(serverProperties(hostPort)), KAFKA_DIR + "/server.properties")
                .withCommand("sh", "-c", kafkaCommand(classPath, Uuid.randomUuid().toString()));
        kafka = run.start("Kafka", container, KAFKA_ALIAS, () -> awaitKafka(servers));
        bootstrapServers = servers;
        step.done(servers + " (" + KAFKA_ALIAS + ":" + KAFKA_NETWORK_PORT + " on the network)");
    }
    /** Formats the node's storage unless a previous start did (a restarted container keeps it), then runs the broker. */
    private static String kafkaCommand(String classPath, String clusterId) {
        String java = "java -Xmx512m -XX:+UseSerialGC -Dstreamstress.log.file=/tmp/kafka.log "
                + "-Dstreamstress.console.level=WARN -cp '" + classPath + "'";
        String config = KAFKA_DIR + "/server.properties";
        return java + " kafka.tools.StorageTool format --ignore-formatted -t " + clusterId + " -c " + config
                + " >/tmp/format.log 2>&1 || { cat /tmp/format.log; exit 1; }; exec " + java + " kafka.Kafka " + config;
    }

    /** The broker's properties: listeners on every interface of the container, advertised at its alias and the loopback port. */
    static String serverProperties(int hostPort) {
        ProxiedListener host = new ProxiedListener(HOST_LISTENER, KAFKA_HOST_LISTENER_PORT, ContainerPorts.LOOPBACK, hostPort);
        BrokerSettings settings = new BrokerSettings(Path.of("/var/lib/streamstress-kafka"), "0.0.0.0", KAFKA_NETWORK_PORT,
                KAFKA_CONTROLLER_PORT, Map.of(
                        "advertised.listeners", ServerProperties.CLIENT_LISTENER + "://" + KAFKA_ALIAS + ":"
                                + KAFKA_NETWORK_PORT + "," + HOST_LISTENER + "://" + host.advertisedAddress(),
                        "controller.quorum.voters", "1@localhost:" + KAFKA_CONTROLLER_PORT),
                PortPicker.free(), 1, Optional.of(host));
        Properties props = ServerProperties.singleNode(settings);
        StringWriter text = new StringWriter();
        try {
            props.store(text, "streamstress broker in a container");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void awaitRedis(String uri) throws Exception {
        long deadline = System.nanoTime() + READY_PATIENCE.toNanos();
        while (true) {
            try (RedisConnections connections = RedisConnections.open(uri, Duration.ofSeconds(2))) {
                connections.commands().ping();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("Redis did not answer within " + READY_PATIENCE.toSeconds() + " s: "
                            + e.getMessage(), e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static void awaitKafka(String servers) throws KafkaUnavailableException, InterruptedException {
        try (TopicAdmin admin = new TopicAdmin(servers, READY_PATIENCE)) {
            admin.awaitReachable();
        }
    }

    /** The Redis URI on this machine's loopback (password in it). */
    public String redisUri() {
        return "redis://:" + password + "@" + ContainerPorts.LOOPBACK + ":" + redisHostPort;
    }

    /** The Redis URI for the run's other containers: its alias on the network. */
    public String redisUriOnNetwork() {
        return "redis://:" + password + "@" + REDIS_ALIAS + ":" + REDIS_PORT;
    }

    /** The broker's bootstrap address on this machine's loopback. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker's bootstrap address for the run's other containers. */
    public String bootstrapServersOnNetwork() {
        return KAFKA_ALIAS + ":" + KAFKA_NETWORK_PORT;
    }

    public ServerContainer redis() {
        return redis;
    }

    public ServerContainer kafka() {
        return kafka;
    }

    /** Removes the two containers (idempotent); the run's network stays until the run closes. */
    @Override
    public void close() {
        for (ServerContainer server : new ServerContainer[] {kafka, redis}) {
            if (server != null) {
                run.remove(server);
            }
        }
    }
}
