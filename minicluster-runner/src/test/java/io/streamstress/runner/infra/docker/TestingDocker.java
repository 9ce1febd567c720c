package io.streamstress.runner.infra.docker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * What the docker-mode tests need from the machine, each skipped with its reason where it is missing: the image
 * {@code stress-scripts/build-images.sh} builds (or another, {@code -Dstreamstress.docker.image}), and netem in the
 * kernel for {@code network-delay}.
 */
public final class TestingDocker {

    /** The image the tests run Redis and the broker on. */
    public static final String IMAGE = System.getProperty("streamstress.docker.image", "streamstress/debian:bookworm");

    private TestingDocker() {}

    /** Skips the test unless {@link #IMAGE} is on the engine. */
    public static void assumeImage() {
        boolean there;
        try {
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
            there = true;
        } catch (NotFoundException e) {
            there = false;
        }
        assumeTrue(there, "image " + IMAGE + " is not on this Docker engine: build it with stress-scripts/build-images.sh");
    }

    /** Skips the test unless a container of {@link #IMAGE} can add a netem qdisc (the kernel has CONFIG_NET_SCH_NETEM). */
    public static void assumeNetem() throws Exception {
        try (GenericContainer<?> probe = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withCapAdd(Capability.NET_ADMIN))
                .withCommand("sleep", "60")) {
            probe.start();
            Container.ExecResult result = probe.execInContainer("tc", "qdisc", "add", "dev", "eth0", "root", "netem",
                    "delay", "1ms");
            assumeTrue(result.getExitCode() == 0, "this kernel has no netem: tc said '" + result.getStderr().trim() + "'");
        }
    }

    /** The containers of any run still there (running or not). */
    public static List<String> leftOverContainers() {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(DockerRun.RUN_LABEL)).exec().stream()
                .map(c -> String.join(",", c.getNames()) + " " + c.getStatus()).toList();
    }
}
