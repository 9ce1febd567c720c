package io.streamstress.runner.infra.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reading a process's log for an error message: its last lines, or what it wrote since an offset. */
final class LogFiles {

    /** Lines of a log an error message quotes. */
    static final int TAIL_LINES = 15;
    /** What a start's log may hold that matters: far more than the JobManager writes before it fails. */
    private static final int MAX_READ = 1 << 20;
    /** How the cluster's Log4j layout marks an error ({@link ClusterLogging}). */
    private static final String ERROR_LEVEL = " ERROR ";

    private LogFiles() {}

    /** The file's size, 0 when it does not exist yet. */
    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** What {@code file} holds from {@code offset} on (at most 1 MB); empty when there is nothing (yet). */
    static String since(Path file, long offset) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size <= offset) {
                return "";
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(size - offset, MAX_READ));
            channel.position(offset);
            while (bytes.hasRemaining() && channel.read(bytes) > 0) {
                // reads until full or at the end
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException notYet) {
            return "";
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /**
     * For each non-empty file, its first ERROR line (the cause; the last lines are often a stack trace) and its
     * last {@link #TAIL_LINES} lines, under a heading naming it, indented; a note when all are empty.
     */
    static String tails(List<Path> files) {
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            List<String> lines = since(file, Math.max(0, size(file) - MAX_READ)).lines().toList();
            if (lines.isEmpty()) {
                continue;
            }
            lines.stream().filter(line -> line.contains(ERROR_LEVEL)).findFirst()
                    .ifPresent(error -> text.append("\n  first error in ").append(file).append(":\n    ").append(error));
            text.append("\n  last lines of ").append(file).append(':');
            for (String line : lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) {
                text.append("\n    ").append(line);
            }
        }
        return text.length() > 0 ? text.toString() : "\n  (nothing in " + files + ")";
    }
}
