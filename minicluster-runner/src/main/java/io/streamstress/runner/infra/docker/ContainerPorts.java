package io.streamstress.runner.infra.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.Consumer;

/**
 * How a server's container is published on this machine: one container port bound on a loopback port (never on
 * every interface), chosen free before the container is created so that the server can advertise it, and the
 * {@code NET_ADMIN} capability {@code tc} needs inside the container.
 */
final class ContainerPorts {

    static final String LOOPBACK = "127.0.0.1";

    private ContainerPorts() {}

    /** A loopback port free now (the container binds it a moment later: a race lost to another process fails the start). */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** The create-command change that publishes {@code containerPort} on {@code 127.0.0.1:hostPort}, with NET_ADMIN. */
    static Consumer<CreateContainerCmd> published(int containerPort, int hostPort) {
        return cmd -> {
            ExposedPort exposed = ExposedPort.tcp(containerPort);
            cmd.withExposedPorts(exposed);
            cmd.getHostConfig()
                    .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort(LOOPBACK, hostPort), exposed))
                    .withCapAdd(Capability.NET_ADMIN);
        };
    }
}
