package io.streamstress.runner.infra.docker;

import com.github.dockerjava.api.DockerClient;
import io.streamstress.runner.config.InfraSettings;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.HarnessException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * One run's place on the Docker engine: the images it needs, checked (or pulled) once, a user-defined network
 * every container of the run joins, and the run's label on the network and on every container. Containers are
 * started through {@link #start}, which keeps them; {@link #close()} removes every one still there and the
 * network, and a shutdown hook calls it, so that no container outlives the run however it ends (Ryuk is off).
 */
public final class DockerRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DockerRun.class);

    /** The label every container and network of a run carries, with the run's id. */
    public static final String RUN_LABEL = "io.streamstress.run";

    private final DockerClient client;
    private final Map<String, String> labels;
    private final Network network;
    private final List<ServerContainer> started = new ArrayList<>();
    private final Thread hook;
    private boolean closed;

    private DockerRun(DockerClient client, String runId) {
        this.client = client;
        this.labels = Map.of(RUN_LABEL, runId);
        this.network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withLabels(labels)).build();
        this.hook = new Thread(this::close, "streamstress-docker-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Checks that the engine answers and has the images of {@code settings} (pulling what it lacks, telling the
     * user), then creates the run's network.
     */
    public static DockerRun open(InfraSettings settings, String runId, Console console)
            throws HarnessException, InterruptedException {
        DockerClient client = DockerEngine.client();
        DockerEngine.requireImage(client, settings.redisImage(), "--redis-image", console);
        DockerEngine.requireImage(client, settings.jreImage(), "--jre-image", console);
        DockerRun run = new DockerRun(client, runId);
        try {
            run.network.getId();  // created here, not by the first container
            return run;
        } catch (RuntimeException e) {
            run.close();
            throw new HarnessException("could not create the run's Docker network: " + e.getMessage(), e);
        }
    }

    DockerClient client() {
        return client;
    }

    /**
     * Starts {@code container} on the run's network under {@code alias}, labelled, and waits until its server
     * serves; on failure removes it and says why, with its last output.
     *
     * @param name what the container runs, for messages ("Redis", "TaskManager tm-2")
     */
    synchronized ServerContainer start(String name, GenericContainer<?> container, String alias,
            ServerContainer.ReadyCheck ready) throws HarnessException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("the run's Docker containers were removed");
        }
        container.withNetwork(network).withNetworkAliases(alias).withLabels(labels);
        try {
            container.start();
        } catch (RuntimeException e) {
            String output;
            try {
                output = lastLines(container.getLogs());
            } catch (RuntimeException gone) {
                output = "(gone)";
            }
            throw new HarnessException("the " + name + " container did not start: " + e.getMessage()
                    + "; its output: " + output, e);
        }
        ServerContainer server = new ServerContainer(name, container, client, network.getId(), alias, ready);
        started.add(server);
        try {
            ready.await();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new HarnessException("the " + name + " container started but its server did not serve: "
                    + e.getMessage() + "; its output: " + lastLines(server.logs()), e);
        }
        return server;
    }

    /** Removes {@code server}'s container now (it is gone for good: a killed TaskManager's, say). */
    synchronized void remove(ServerContainer server) {
        if (started.remove(server)) {
            removeContainer(server);
        }
    }

    private void removeContainer(ServerContainer server) {
        try {
            client.removeContainerCmd(server.id()).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException e) {
            LOG.warn("could not remove the {} container {}: {}", server.name(), server.id(), e.getMessage());
        }
    }

    private static String lastLines(String logs) {
        List<String> lines = logs.lines().collect(Collectors.toList());
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    /** Removes every container of the run still there, then its network (idempotent). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ServerContainer server : started) {
            removeContainer(server);
        }
        started.clear();
        try {
            network.close();
        } catch (RuntimeException e) {
            LOG.warn("could not remove the run's Docker network: {}", e.getMessage());
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called by the hook itself
        }
    }
}
