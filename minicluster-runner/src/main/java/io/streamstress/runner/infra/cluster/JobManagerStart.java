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

    private JobManagerStart() {}

    static Started run(LocalClusterSettings settings, ClusterDirectory dir, ClusterProgress progress)
            throws HarnessException, InterruptedException {
        List<Integer> taken = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            ClusterPorts ports = ClusterPorts.pick(settings.portPicker(), LocalClusterSettings.HOST);
            Configuration config = ClusterConfiguration.of(settings, dir, ports);
            long logOffset = LogFiles.size(dir.jobManagerLog());
            long outOffset = LogFiles.size(dir.jobManagerOut());
            WatchedProcess process = launch(config, dir);
            RestProbe rest = new RestProbe(restUrl(ports));
            long deadline = started + settings.startTimeout().toNanos();
            while (!(listening(dir, logOffset, ports) && rest.answers())) {
                if (!process.alive()) {
                    process.close();
                    OptionalInt port = BindFailure.takenPort(LogFiles.since(dir.jobManagerLog(), logOffset)
                            + LogFiles.since(dir.jobManagerOut(), outOffset));
                    if (port.isPresent() && attempt < settings.bindAttempts()) {
                        if (port.getAsInt() != BindFailure.UNKNOWN_PORT) {
                            taken.add(port.getAsInt());
                        }
                        progress.line(String.format(Locale.ROOT, "Flink JobManager: port %s was taken by the time it "
                                + "bound it: starting again on fresh ports (attempt %d of %d)", portName(port),
                                attempt + 1, settings.bindAttempts()));
                        break;
                    }
                    throw new HarnessException("the Flink JobManager exited at start"
                            + (port.isPresent() ? " (port " + portName(port) + " was taken)" : "")
                            + LogFiles.tails(List.of(dir.jobManagerLog(), dir.jobManagerOut())));
                }
                if (System.nanoTime() > deadline) {
                    process.close();
                    throw new HarnessException("the Flink JobManager's REST API did not answer on " + restUrl(ports)
                            + " within " + settings.startTimeout().toSeconds() + " s"
                            + LogFiles.tails(List.of(dir.jobManagerLog(), dir.jobManagerOut())));
                }
                Thread.sleep(POLL.toMillis());
            }
            if (process.alive()) {
                progress.line(String.format(Locale.ROOT, "Flink JobManager up: REST %s, RPC port %d, pid %d (%.1f s)",
                        restUrl(ports), ports.rpc(), process.pid(), (System.nanoTime() - started) / 1e9));
                return new Started(process, ports, config, List.copyOf(taken));
            }
        }
    }

    /**
     * Whether this JobManager logged that its REST endpoint listens on its port: a REST answer alone could come
     * from whoever took the port (another Flink), and this JobManager would then exit.
     */
    private static boolean listening(ClusterDirectory dir, long logOffset, ClusterPorts ports) {
        return LogFiles.since(dir.jobManagerLog(), logOffset)
                .contains(REST_LISTENING + LocalClusterSettings.HOST + ":" + ports.rest());
    }

    static String restUrl(ClusterPorts ports) {
        return "http://" + LocalClusterSettings.HOST + ":" + ports.rest();
    }

    private static WatchedProcess launch(Configuration config, ClusterDirectory dir) throws HarnessException {
        try {
            FlinkJvmFlags flags = FlinkJvmFlags.jobManager(config);
            ConfigFile.write(config, dir.conf());
            return WatchedProcess.start(FlinkJvmCommand.of(FlinkJvmCommand.JOB_MANAGER_MAIN, flags, dir,
                    dir.jobManagerLog(), List.of()), dir.jobManagerOut());
        } catch (IllegalConfigurationException e) {
            throw new HarnessException("the JobManager's memory configuration is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new HarnessException("could not start the Flink JobManager: " + e.getMessage(), e);
        }
    }

    private static String portName(OptionalInt port) {
        return port.getAsInt() == BindFailure.UNKNOWN_PORT ? "(unnamed)" : Integer.toString(port.getAsInt());
    }
}
