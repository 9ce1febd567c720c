package io.streamstress.runner.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a run needs to be resumed after its process died: its id, the command line it was started with, and
 * the addresses and secret of the embedded servers (they restart on the same ports, data and password).
 * Stored as {@code run.properties} in the run directory.
 *
 * @param runId the run's id (topic and Redis key names derive from it)
 * @param args the command line of the run
 * @param redisPort embedded Redis port, 0 when Redis is external
 * @param redisPassword embedded Redis password, empty when external
 * @param brokerPort embedded broker port, 0 when Kafka is external
 * @param controllerPort embedded KRaft controller port, 0 when Kafka is external
 */
public record RunSettings(
        String runId, List<String> args, int redisPort, String redisPassword, int brokerPort, int controllerPort) {

    public static final String FILE = "run.properties";

    public RunSettings {
        args = List.copyOf(args);
    }

    public void write(Path runDir) throws IOException {
        Properties props = new Properties();
        props.setProperty("run.id", runId);
        props.setProperty("redis.port", Integer.toString(redisPort));
        props.setProperty("redis.password", redisPassword);
        props.setProperty("kafka.port", Integer.toString(brokerPort));
        props.setProperty("kafka.controller.port", Integer.toString(controllerPort));
        props.setProperty("args.count", Integer.toString(args.size()));
        for (int i = 0; i < args.size(); i++) {
            props.setProperty("args." + i, args.get(i));
        }
        Path file = runDir.resolve(FILE);
        Path temp = runDir.resolve(FILE + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            props.store(out, "streamstress run settings: what --resume needs");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads the settings of the run in {@code runDir}.
     *
     * @throws IllegalArgumentException when {@code runDir} holds no run that can be resumed
     */
    public static RunSettings read(Path runDir) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(runDir.resolve(FILE), StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("'" + runDir + "' holds no run to resume (no " + FILE
                    + "): give the --run-dir of a run started by stress.jar");
        }
        try {
            int count = Integer.parseInt(props.getProperty("args.count"));
            List<String> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                args.add(props.getProperty("args." + i));
            }
            return new RunSettings(props.getProperty("run.id"), args,
                    Integer.parseInt(props.getProperty("redis.port")), props.getProperty("redis.password"),
                    Integer.parseInt(props.getProperty("kafka.port")),
                    Integer.parseInt(props.getProperty("kafka.controller.port")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + runDir.resolve(FILE) + "' is damaged: " + e.getMessage(), e);
        }
    }
}
