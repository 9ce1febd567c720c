package io.streamstress.checkpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the checkpoint to resume from among those retained under a checkpoint directory
 * ({@code <dir>/<job id>/chk-<n>/_metadata}). A checkpoint counts only once its {@code _metadata} exists:
 * Flink writes it last, when the checkpoint completes.
 */
public final class RetainedCheckpoints {

    private static final String METADATA = "_metadata";

    private RetainedCheckpoints() {}

    /** The most recently completed retained checkpoint (its {@code chk-<n>} directory), if any. */
    public static Optional<Path> latest(Path checkpointsDir) {
        return newestFirst(checkpointsDir).stream().findFirst();
    }

    /**
     * Every completed retained checkpoint under {@code checkpointsDir}, of every job of the run, the most
     * recently completed first.
     */
    public static List<Path> newestFirst(Path checkpointsDir) {
        if (!Files.isDirectory(checkpointsDir)) {
            return List.of();
        }
        try (Stream<Path> jobs = Files.list(checkpointsDir)) {
            return jobs.filter(Files::isDirectory)
                    .flatMap(RetainedCheckpoints::completedIn)
                    .sorted(Comparator.comparing(RetainedCheckpoints::completedAt)
                            .thenComparingLong(RetainedCheckpoints::number).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + checkpointsDir, e);
        }
    }

    private static Stream<Path> completedIn(Path jobDir) {
        try (Stream<Path> entries = Files.list(jobDir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.isRegularFile(p.resolve(METADATA)))
                    .toList()
                    .stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static FileTime completedAt(Path checkpoint) {
        try {
            return Files.getLastModifiedTime(checkpoint.resolve(METADATA));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** The checkpoint id from {@code chk-<n>}. */
    static long number(Path checkpoint) {
        try {
            return Long.parseLong(checkpoint.getFileName().toString().substring("chk-".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
