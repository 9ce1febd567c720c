package io.streamstress.runner.infra;

import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.slf4j.LoggerFactory;

/**
 * Starts the run's logging into its log file, once, on the calling thread, before any server or client
 * starts.
 *
 * <p>SLF4J 1.7 (Flink's choice) binds to Log4j on its first use. When two threads use it first at the same
 * time, as the MiniCluster's start and the Lettuce client of an external Redis check do, the loser gets a
 * "substitute logger" and SLF4J prints a dozen lines about it on stderr: a one-line error then arrives as
 * twelve. Initialising here, right after the log file is chosen, makes every later first use find logging
 * ready, and puts everything logged into the run's own {@code stress.log}.
 */
public final class Logging {

    /** The system property {@code log4j2.xml} takes the log file from. */
    public static final String LOG_FILE_PROPERTY = "streamstress.log.file";

    private Logging() {}

    /**
     * Stops logging into the run's log file, flushing what is buffered, before the run directory is deleted.
     * Whatever logs later (clients closing in shutdown hooks) goes to {@code /dev/null}: Log4j's own shutdown hook
     * would otherwise try to open the deleted {@code stress.log} and print its failure on stdout, after the verdict.
     */
    public static void stop() {
        System.setProperty(LOG_FILE_PROPERTY, "/dev/null");
        LogManager.shutdown();
    }

    /** Writes out what the log holds in its buffers now (before the JVM halts: no shutdown hook flushes then). */
    public static void flush() {
        LogManager.shutdown();
    }

    /** Logs into {@code logFile} from now on (in a JVM whose logging has not started yet). */
    public static void start(Path logFile) {
        System.setProperty(LOG_FILE_PROPERTY, logFile.toString());
        LoggerFactory.getLogger(Logging.class).info("Logging into {}", logFile);
    }
}
