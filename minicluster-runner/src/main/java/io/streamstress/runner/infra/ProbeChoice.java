package io.streamstress.runner.infra;

import io.streamstress.chaos.probe.ProbeEnds;
import io.streamstress.chaos.probe.jvm.JvmProbe;
import io.streamstress.chaos.probe.redis.RedisProbe;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which probe channel a run's job reports through (system property {@value #PROPERTY}): {@code jvm} (the
 * default: JVM statics, for the embedded MiniCluster, which runs the tasks in this JVM) or {@code redis} (the
 * run's Redis, under {@code streamstress:<run>:probe:}, for tasks in other processes).
 */
public final class ProbeChoice {

    public static final String PROPERTY = "streamstress.probe";

    private static final Logger LOG = LoggerFactory.getLogger(ProbeChoice.class);

    private ProbeChoice() {}

    /**
     * @param redisUri the run's Redis (its password included)
     * @throws IllegalArgumentException when the property names no known channel
     */
    public static ProbeEnds open(String redisUri, String runId) {
        String choice = System.getProperty(PROPERTY, "jvm").trim().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "jvm":
                return JvmProbe.open();
            case "redis":
                LOG.info("Probe channel: Redis, keys under {}", keyPrefix(runId));
                return RedisProbe.open(redisUri, keyPrefix(runId));
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + choice + ": use jvm or redis");
        }
    }

    static String keyPrefix(String runId) {
        return "streamstress:" + runId + ":probe:";
    }
}
