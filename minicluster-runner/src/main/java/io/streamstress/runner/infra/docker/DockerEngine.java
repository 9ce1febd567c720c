package io.streamstress.runner.infra.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.infra.HarnessException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine the docker mode talks to, as Testcontainers finds it ({@code DOCKER_HOST}, else the local
 * socket): whether it answers, and the images a run needs, there or pulled.
 */
public final class DockerEngine {

    /** How long a pull of a missing image may take before the run gives up on it. */
    static final Duration PULL_PATIENCE = Duration.ofMinutes(5);

    /**
     * Testcontainers' settings for the worker JVM, unless the user set them: no Ryuk (its reaper container must be
     * pulled; the harness removes its containers itself, in a shutdown hook) and no start-up checks (they run a
     * container of an image that must be pulled too; the harness checks the engine and its own images), and the
     * containers' ports are on this machine's loopback (the harness publishes them there; otherwise, in a
     * container itself, Testcontainers runs one more such container to find the Docker host's address). Where no
     * registry is reachable these pulls would fail after minutes.
     */
    public static final Map<String, String> WORKER_ENVIRONMENT = Map.of(
            "TESTCONTAINERS_RYUK_DISABLED", "true",
            "TESTCONTAINERS_CHECKS_DISABLE", "true",
            "TESTCONTAINERS_HOST_OVERRIDE", ContainerPorts.LOOPBACK);

    private DockerEngine() {}

    /** Why the docker mode cannot run here (no engine answers), or empty when it can. */
    public static Optional<String> unavailableReason() {
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
            return Optional.of("no Docker engine answers (start dockerd, or set DOCKER_HOST)");
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("no Docker engine answers: " + e.getMessage());
        }
    }

    /** The engine's client; throws a {@link HarnessException} saying why when no engine answers. */
    static DockerClient client() throws HarnessException {
        Optional<String> unavailable = unavailableReason();
        if (unavailable.isPresent()) {
            throw new HarnessException("--infra docker: " + unavailable.get());
        }
        return DockerClientFactory.instance().client();
    }

    /**
     * Makes sure {@code image} is on the engine: there already, or pulled (telling the user, since a pull takes a
     * while). A pull that fails says how to build the image locally instead.
     */
    static void requireImage(DockerClient client, String image, String option, Console console)
            throws HarnessException, InterruptedException {
        try {
            client.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException absent) {
            // pulled below
        }
        Console.Step step = console.step("Pulling " + image + " (" + option + ", not on this Docker engine yet)");
        try {
            boolean done = client.pullImageCmd(image).start().awaitCompletion(PULL_PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                throw new HarnessException("pulling " + image + " took longer than " + PULL_PATIENCE.toMinutes()
                        + " min: build a local image with stress-scripts/build-images.sh and pass it with " + option);
            }
        } catch (RuntimeException e) {
            throw new HarnessException("image " + image + " is not on this Docker engine and could not be pulled ("
                    + e.getMessage() + "): build a local one with stress-scripts/build-images.sh and pass it with "
                    + option, e);
        }
        step.done("pulled");
    }
}
