package io.streamstress.runner.infra;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The directory a run keeps everything in: broker data, Redis AOF, checkpoints, temp files, the log.
 *
 * @param root the directory
 * @param runId the run's id (names the topic and the Redis keys)
 */
public record RunDirectory(Path root, String runId) {

    /** How long {@link #delete()} keeps trying while other shutdown work still touches the directory. */
    public static final Duration DELETE_PATIENCE = Duration.ofSeconds(3);

    /** Creates {@code requested} (or a fresh temporary directory); the servers create their own sub-directories. */
    public static RunDirectory create(Optional<Path> requested) throws IOException {
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        Path root = requested.isPresent()
                ? Files.createDirectories(requested.get().toAbsolutePath())
                : Files.createTempDirectory("streamstress-" + runId + "-");
        RunDirectory dir = new RunDirectory(root, runId);
        Files.createDirectories(dir.tmp());
        return dir;
    }

    /** The directory of an existing run, to resume it. */
    public static RunDirectory existing(Path root, String runId) {
        return new RunDirectory(root.toAbsolutePath(), runId);
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path redis() {
        return root.resolve("redis");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    /** Where a rescale's stop-with-savepoint writes its savepoints. */
    public Path savepoints() {
        return root.resolve("savepoints");
    }

    public Path tmp() {
        return root.resolve("tmp");
    }

    public Path log() {
        return root.resolve("stress.log");
    }

    /**
     * Deletes the directory and everything in it. Flink's and Kafka's own shutdown may still be removing (or
     * briefly re-creating, like Flink's {@code flink-web-upload}) files of theirs, so files that vanish
     * meanwhile are ignored and the deletion is repeated, for up to {@link #DELETE_PATIENCE}, until the
     * directory is gone.
     *
     * @throws IOException when it could not be deleted, also when something still re-created files in it
     *     after {@link #DELETE_PATIENCE} (a directory left behind is then said, not silent)
     */
    public void delete() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DELETE_PATIENCE.toNanos();
        deleteTree();
        while (Files.exists(root) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            deleteTree();
        }
        if (Files.exists(root)) {
            throw new IOException("something still writes into it after " + DELETE_PATIENCE.toSeconds() + " s");
        }
    }

    private void deleteTree() throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                try {
                    Files.deleteIfExists(dir);
                } catch (DirectoryNotEmptyException raced) {
                    // Something wrote into it meanwhile; the second pass takes it.
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
