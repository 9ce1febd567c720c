package io.streamstress.runner.infra;

import io.streamstress.chaos.probe.ProbeEnds;
import io.streamstress.chaos.probe.jvm.JvmProbe;
import io.streamstress.chaos.probe.redis.RedisProbe;
import io.streamstress.redis.sink.CounterKeys;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which probe channel a run's job reports through: {@code redis} (the run's Redis, under
 * {@code streamstress:{<run>}:probe:}) whenever the tasks run in other processes (a local or a user's cluster);
 * for the embedded MiniCluster, which runs the tasks in this JVM, {@code jvm} (JVM statics) unless the system
 * property {@value #PROPERTY} says {@code redis} (to measure one against the other on the same cluster).
 */
public final class ProbeChoice {

    public static final String PROPERTY = "streamstress.probe";

    private static final Logger LOG = LoggerFactory.getLogger(ProbeChoice.class);

    private ProbeChoice() {}

    /**
     * @param redisUri the run's Redis as the harness reaches it (its password included)
     * @param redisUriForTasks the same Redis as the job's tasks reach it (another name on a Docker network)
     * @param runKeys the run's keys: the channel's go under them
     * @param tasksInThisJvm whether the job's tasks run in this JVM (the embedded MiniCluster)
     * @throws IllegalArgumentException when the property names no known channel
     */
    public static ProbeEnds open(String redisUri, String redisUriForTasks, CounterKeys runKeys, boolean tasksInThisJvm) {
        String choice = tasksInThisJvm ? System.getProperty(PROPERTY, "jvm").trim().toLowerCase(Locale.ROOT) : "redis";
        switch (choice) {
            case "jvm":
                return JvmProbe.open();
            case "redis":
                LOG.info("Probe channel: Redis, keys under {}", keyPrefix(runKeys));
                return RedisProbe.open(redisUri, redisUriForTasks, keyPrefix(runKeys));
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + choice + ": use jvm or redis");
        }
    }

    /** Under the run's keys, in their hash slot. */
    static String keyPrefix(CounterKeys runKeys) {
        return runKeys.prefix() + ":probe:";
    }
}
