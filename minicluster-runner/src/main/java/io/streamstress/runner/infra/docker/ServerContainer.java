package io.streamstress.runner.infra.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;

/**
 * One server's running container, and what the container faults do to it through the Docker engine: kill it
 * (SIGKILL to everything in it) and start it again on its file system, freeze and thaw its cgroup, disconnect it
 * from the run's network and connect it again under its alias, and run {@code tc} inside it.
 */
public final class ServerContainer {

    /** How long a command run inside the container (tc) may take. */
    private static final long EXEC_PATIENCE_SECONDS = 30;

    private final String name;
    private final GenericContainer<?> container;
    private final DockerClient client;
    private final String networkId;
    private final String alias;
    private final ReadyCheck ready;

    /** Waits until the server in a (re)started container serves. */
    @FunctionalInterface
    interface ReadyCheck {
        void await() throws Exception;
    }

    ServerContainer(String name, GenericContainer<?> container, DockerClient client, String networkId, String alias,
            ReadyCheck ready) {
        this.name = name;
        this.container = container;
        this.client = client;
        this.networkId = networkId;
        this.alias = alias;
        this.ready = ready;
    }

    /** What the container runs, for messages: "Redis", "Kafka", "TaskManager tm-2". */
    public String name() {
        return name;
    }

    /** The container's id. */
    public String id() {
        return container.getContainerId();
    }

    /** {@code docker kill}: SIGKILL to every process of the container; its file system stays. */
    public void kill() {
        client.killContainerCmd(id()).withSignal("KILL").exec();
    }

    /** {@code docker start} of the stopped or killed container (same file system, ports and alias); returns once it serves. */
    public void startAgain() throws Exception {
        client.startContainerCmd(id()).exec();
        ready.await();
    }

    /** {@code docker pause}: the cgroup freezer stops every process of the container. */
    public void pause() {
        client.pauseContainerCmd(id()).exec();
    }

    /** {@code docker stop}: SIGTERM to the container's main process, SIGKILL after {@code graceSeconds}. */
    public void stop(int graceSeconds) {
        client.stopContainerCmd(id()).withTimeout(graceSeconds).exec();
    }

    /** {@code docker unpause}. */
    public void unpause() {
        client.unpauseContainerCmd(id()).exec();
    }

    /** Disconnects the container from the run's network: its interface on it goes, with its address. */
    public void disconnect() {
        client.disconnectFromNetworkCmd().withNetworkId(networkId).withContainerId(id()).withForce(true).exec();
    }

    /** Connects it to the run's network again, under its alias. */
    public void connect() {
        client.connectToNetworkCmd().withNetworkId(networkId).withContainerId(id())
                .withContainerNetwork(new ContainerNetwork().withAliases(alias)).exec();
    }

    /**
     * Runs {@code command} inside the container and returns its output.
     *
     * @throws IOException when it exits with another code than 0 (the message has its output)
     */
    public String exec(List<String> command) throws IOException, InterruptedException {
        ExecCreateCmdResponse created = client.execCreateCmd(id()).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (ResultCallback.Adapter<Frame> callback = client.execStartCmd(created.getId()).exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                output.writeBytes(frame.getPayload());
            }
        })) {
            if (!callback.awaitCompletion(EXEC_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException(String.join(" ", command) + " did not end within " + EXEC_PATIENCE_SECONDS + " s");
            }
        }
        InspectExecResponse done = client.inspectExecCmd(created.getId()).exec();
        String text = output.toString(StandardCharsets.UTF_8).trim();
        Long code = done.getExitCodeLong();
        if (code == null || code != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + code + ": " + text);
        }
        return text;
    }

    /** The container's output so far (for an error message when it did not start). */
    String logs() {
        return container.getLogs();
    }
}
