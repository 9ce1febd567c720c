package io.streamstress.runner.bench;

import io.streamstress.kafka.record.StressRecordCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one benchmark invocation measures.
 *
 * @param messages records per contestant and round
 * @param rounds rounds; the result is the median over them
 * @param recordSize bytes per record, the same for every contestant
 * @param partitions partitions of every topic, and the jobs' parallelism
 * @param taskManagers TaskManagers of both Flink jobs' MiniClusters
 * @param slotsPerTaskManager slots of each
 * @param checkpointInterval checkpoint interval of both Flink jobs
 * @param scaleMessages the message counts of {@code --scale}
 * @param stressJar the jar under test ({@code java -jar} for streamstress, {@code -cp} for the peers)
 * @param produceMain main class of the load producer alone ({@code produce-messages})
 * @param workDir broker data and every contestant's output
 * @param jdks the JDKs every contestant runs on, each for all the rounds, in order ({@code --java}); the first
 *     also runs {@code --scale}
 */
public record BenchSettings(
        long messages,
        int rounds,
        int recordSize,
        int partitions,
        int taskManagers,
        int slotsPerTaskManager,
        Duration checkpointInterval,
        List<Long> scaleMessages,
        Path stressJar,
        String produceMain,
        Path workDir,
        List<Jdk> jdks) {

    public static final long DEFAULT_MESSAGES = 10_000_000;
    public static final int DEFAULT_ROUNDS = 3;
    public static final List<Long> DEFAULT_SCALE = List.of(1_000_000L, 10_000_000L, 100_000_000L);

    public BenchSettings {
        if (messages < 1) {
            throw new IllegalArgumentException("messages must be at least 1, got " + messages);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1 (the median of K rounds), got " + rounds);
        }
        if (recordSize < StressRecordCodec.HEADER_BYTES) {
            throw new IllegalArgumentException("record size must be at least " + StressRecordCodec.HEADER_BYTES
                    + " bytes (a load message's header), got " + recordSize);
        }
        if (partitions < 1 || taskManagers < 1 || slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("partitions, TaskManagers and slots must each be at least 1");
        }
        if ((long) taskManagers * slotsPerTaskManager < partitions) {
            throw new IllegalArgumentException(String.format("the jobs run one subtask per partition: %d partitions need "
                    + "%d slots, the MiniCluster has %d×%d; give more TaskManagers or slots", partitions, partitions,
                    taskManagers, slotsPerTaskManager));
        }
        scaleMessages = List.copyOf(scaleMessages);
        if (scaleMessages.isEmpty() || scaleMessages.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("the scale run needs at least one message count, each at least 1");
        }
        jdks = List.copyOf(jdks);
        if (jdks.isEmpty()) {
            throw new IllegalArgumentException("the benchmark needs at least one JDK to run on");
        }
        if (!Files.isRegularFile(stressJar)) {
            throw new IllegalArgumentException(stressJar + " is not a file: build stress.jar with 'mvn -q package -DskipTests'");
        }
    }

    /** Settings whose contestants run on this JVM's JDK. */
    public BenchSettings(long messages, int rounds, int recordSize, int partitions, int taskManagers,
            int slotsPerTaskManager, Duration checkpointInterval, List<Long> scaleMessages, Path stressJar,
            String produceMain, Path workDir) {
        this(messages, rounds, recordSize, partitions, taskManagers, slotsPerTaskManager, checkpointInterval,
                scaleMessages, stressJar, produceMain, workDir, List.of(Jdk.current()));
    }
}
