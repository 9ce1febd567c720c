package io.streamstress.runner.infra.cluster;

import io.streamstress.runner.infra.HarnessException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;

/**
 * Starts the JobManager on free ports and waits until its REST API answers. The ports cannot be reserved for it:
 * a candidate is chosen, written into {@code config.yaml}, and the JobManager started; when it exits because the
 * port was taken meanwhile ({@link BindFailure}), it starts again on fresh candidates, up to
 * {@link LocalClusterSettings#bindAttempts()} times. The TaskManagers start only after this, so they read the
 * ports that held.
 */
final class JobManagerStart {

    private static final Duration POLL = Duration.ofMillis(100);
    /** What Flink 2.2's {@code RestServerEndpoint} logs once it is bound, followed by {@code HOST:PORT}. */
    static final String REST_LISTENING = "Rest endpoint listening at ";

    /**
     * A JobManager that answers.
     *
     * @param process its JVM
     * @param ports the ports it bound
     * @param config the configuration it runs on (also in {@code config.yaml})
     * @param takenPorts candidates found taken on the way, in order
     */
    record Started(WatchedProcess process, ClusterPorts ports, Configuration config, List<Integer> takenPorts) {}

    /** One launch on one pair of candidates; its log is read from where it stood at the launch. */
    private record Attempt(int number, WatchedProcess process, ClusterPorts ports, Configuration config,
            long logOffset, long outOffset) {}

    private final LocalClusterSettings settings;
    private final ClusterDirectory dir;
    private final ClusterProgress progress;
    private final List<Integer> taken = new ArrayList<>();

    private JobManagerStart(LocalClusterSettings settings, ClusterDirectory dir, ClusterProgress progress) {
        this.settings = settings;
        this.dir = dir;
        this.progress = progress;
    }

    /** Starts the JobManager of {@code settings} in {@code dir}; the process is stopped again when this throws. */
    static Started run(LocalClusterSettings settings, ClusterDirectory dir, ClusterProgress progress)
            throws HarnessException, InterruptedException {
        return new JobManagerStart(settings, dir, progress).run();
    }

    private Started run() throws HarnessException, InterruptedException {
        for (int number = 1; ; number++) {
            long started = System.nanoTime();
            Attempt attempt = launch(number);
            boolean up;
            try {
                up = awaitUp(attempt);
            } catch (HarnessException | InterruptedException | RuntimeException e) {
                attempt.process().close();
                throw e;
            }
            if (up) {
                progress.line(String.format(Locale.ROOT, "Flink JobManager up: REST %s, RPC port %d, pid %d (%.1f s)",
                        restUrl(attempt.ports()), attempt.ports().rpc(), attempt.process().pid(),
                        (System.nanoTime() - started) / 1e9));
                return new Started(attempt.process(), attempt.ports(), attempt.config(), List.copyOf(taken));
            }
            attempt.process().close();
        }
    }

    private Attempt launch(int number) throws HarnessException {
        ClusterPorts ports = ClusterPorts.pick(settings.portPicker(), LocalClusterSettings.HOST);
        Configuration config = ClusterConfiguration.of(settings, dir, ports);
        long logOffset = LogFiles.size(dir.jobManagerLog());
        long outOffset = LogFiles.size(dir.jobManagerOut());
        try {
            FlinkJvmFlags flags = FlinkJvmFlags.jobManager(config);
            ConfigFile.write(config, dir.conf());
            WatchedProcess process = FlinkJvmCommand.start(FlinkJvmCommand.of(FlinkJvmCommand.JOB_MANAGER_MAIN, flags,
                    dir, dir.jobManagerLog(), List.of()), dir, dir.jobManagerOut());
            return new Attempt(number, process, ports, config, logOffset, outOffset);
        } catch (IllegalConfigurationException e) {
            throw new HarnessException("the JobManager's memory configuration is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new HarnessException("could not start the Flink JobManager: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the JobManager answers (true), or exits because a port was taken while another attempt is
     * left (false: the taken port is noted).
     *
     * @throws HarnessException when it exits for another reason, on the last attempt, or does not answer in time
     */
    private boolean awaitUp(Attempt attempt) throws HarnessException, InterruptedException {
        RestProbe rest = new RestProbe(restUrl(attempt.ports()));
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (!(listening(attempt) && rest.answers())) {
            if (!attempt.process().alive()) {
                OptionalInt port = BindFailure.takenPort(LogFiles.since(dir.jobManagerLog(), attempt.logOffset())
                        + LogFiles.since(dir.jobManagerOut(), attempt.outOffset()));
                if (port.isPresent() && attempt.number() < settings.bindAttempts()) {
                    if (port.getAsInt() != BindFailure.UNKNOWN_PORT) {
                        taken.add(port.getAsInt());
                    }
                    progress.line(String.format(Locale.ROOT, "Flink JobManager: port %s was taken by the time it "
                            + "bound it: starting again on fresh ports (attempt %d of %d)", portName(port),
                            attempt.number() + 1, settings.bindAttempts()));
                    return false;
                }
                throw new HarnessException("the Flink JobManager exited at start"
                        + (port.isPresent() ? " (port " + portName(port) + " was taken)" : "") + logs());
            }
            if (System.nanoTime() > deadline) {
                throw new HarnessException("the Flink JobManager's REST API did not answer on "
                        + restUrl(attempt.ports()) + " within " + settings.startTimeout().toSeconds() + " s" + logs());
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    /**
     * Whether this JobManager logged that its REST endpoint listens on its port: a REST answer alone could come
     * from whoever took the port (another Flink), and this JobManager would then exit.
     */
    private boolean listening(Attempt attempt) {
        return LogFiles.since(dir.jobManagerLog(), attempt.logOffset())
                .contains(REST_LISTENING + LocalClusterSettings.HOST + ":" + attempt.ports().rest());
    }

    private String logs() {
        return LogFiles.tails(List.of(dir.jobManagerLog(), dir.jobManagerOut()));
    }

    static String restUrl(ClusterPorts ports) {
        return "http://" + LocalClusterSettings.HOST + ":" + ports.rest();
    }

    private static String portName(OptionalInt port) {
        return port.getAsInt() == BindFailure.UNKNOWN_PORT ? "(unnamed)" : Integer.toString(port.getAsInt());
    }
}
