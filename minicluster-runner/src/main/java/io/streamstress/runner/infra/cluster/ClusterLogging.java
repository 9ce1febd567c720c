package io.streamstress.runner.infra.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Logging of the cluster's JVMs: each writes its own file in the cluster's {@code log/} and nothing on the
 * harness's console. Flink's entry points log through Log4j 2, configured by the system property
 * {@code log4j.configurationFile}; the file comes from {@code log.file}, which Flink also reads to serve the log
 * over REST ({@code /jobmanager/log}, {@code /taskmanagers/:id/log}). The configuration mirrors Flink's own
 * {@code log4j.properties} (INFO, Netty's pipeline warnings off), with Kafka's clients at WARN: they log their
 * whole configuration at INFO for every consumer of every restarted subtask.
 */
public final class ClusterLogging {

    /** The Log4j configuration's file name in {@code conf/}, as in a Flink distribution. */
    public static final String CONFIG_NAME = "log4j.properties";

    private static final String CONFIG = """
            # Written by streamstress for its local Flink cluster: one file per process, from -Dlog.file.
            monitorInterval = 0
            rootLogger.level = INFO
            rootLogger.appenderRef.file.ref = MainAppender
            logger.kafka.name = org.apache.kafka
            logger.kafka.level = WARN
            logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline
            logger.netty.level = OFF
            appender.main.name = MainAppender
            appender.main.type = File
            appender.main.append = true
            appender.main.fileName = ${sys:log.file}
            appender.main.layout.type = PatternLayout
            appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
            """;

    private ClusterLogging() {}

    /** Writes the Log4j configuration into {@code confDir} and returns its path. */
    public static Path writeConfig(Path confDir) throws IOException {
        return Files.writeString(confDir.resolve(CONFIG_NAME), CONFIG, StandardCharsets.UTF_8);
    }

    /** The system properties that make a Flink JVM log into {@code logFile} with the configuration in {@code confDir}. */
    public static List<String> jvmOptions(Path confDir, Path logFile) {
        return List.of("-Dlog.file=" + logFile.toAbsolutePath(),
                "-Dlog4j.configurationFile=" + confDir.resolve(CONFIG_NAME).toAbsolutePath());
    }
}
