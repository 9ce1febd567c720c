package io.streamstress.runner.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One finished child process as the benchmark measured it.
 *
 * @param exitCode its exit code
 * @param wall from start to exit, as seen by the parent
 * @param peakRssKb the largest peak resident set of one process in its tree (what GNU time's %M reports)
 * @param peakRssTreeKb the peaks of every process in its tree, added up (an upper bound of the whole tree)
 * @param stdout where its standard output was written
 * @param stderr where its standard error was written
 */
record ProcessRun(int exitCode, Duration wall, long peakRssKb, long peakRssTreeKb, Path stdout, Path stderr) {

    double wallSeconds() {
        return wall.toNanos() / 1e9;
    }

    double peakRssMb() {
        return peakRssKb / 1024.0;
    }

    double peakRssTreeMb() {
        return peakRssTreeKb / 1024.0;
    }

    String output() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /** The last line of its standard error that says something, for a one-line failure message. */
    String lastErrorLine() {
        try {
            return Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).reduce((a, b) -> b).orElse("(no output on stderr)");
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }
}
