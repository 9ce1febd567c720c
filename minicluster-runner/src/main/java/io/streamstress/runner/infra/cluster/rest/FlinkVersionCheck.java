package io.streamstress.runner.infra.cluster.rest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.runtime.util.EnvironmentInformation;

/**
 * Whether a cluster's Flink version fits this jar: the same version line (major and minor, e.g. 2.2), since a
 * {@code StreamGraph} is Java-serialized across the REST submission and Flink keeps neither it nor its REST
 * messages compatible across minor versions. Patch versions may differ.
 */
public final class FlinkVersionCheck {

    private static final Pattern LINE = Pattern.compile("^(\\d+)\\.(\\d+)(?:[.\\-].*)?$");

    private FlinkVersionCheck() {}

    /** The Flink version this jar runs with (its flink-runtime's), e.g. "2.2.1". */
    public static String harnessVersion() {
        return EnvironmentInformation.getVersion();
    }

    /**
     * Throws unless {@code clusterVersion} is on the line of {@code harnessVersion}.
     *
     * @param url the cluster, for the message
     * @throws ClusterVersionMismatchException a one-line message saying both versions and what to do
     */
    public static void requireSameLine(RestUrl url, String clusterVersion, String harnessVersion) {
        Optional<String> ours = line(harnessVersion);
        if (ours.isEmpty()) {
            // Only a jar built without Flink's version file gets here: nothing to compare against.
            return;
        }
        Optional<String> theirs = line(clusterVersion);
        if (theirs.isEmpty() || !theirs.equals(ours)) {
            throw new ClusterVersionMismatchException("the Flink cluster at " + url + " runs Flink " + clusterVersion
                    + ", but this stress.jar is built for Flink " + ours.get() + ".x (" + harnessVersion + "): use a Flink "
                    + ours.get() + " session cluster, or --cluster embedded|local");
        }
    }

    /** "2.2" of "2.2.1", "2.2-SNAPSHOT" or "2.2.0-rc1"; empty for anything else. */
    static Optional<String> line(String version) {
        if (version == null) {
            return Optional.empty();
        }
        Matcher matcher = LINE.matcher(version.trim());
        return matcher.matches() ? Optional.of(matcher.group(1) + "." + matcher.group(2)) : Optional.empty();
    }
}
