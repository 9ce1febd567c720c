package io.streamstress.runner.infra.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A process's state as Linux reports it in {@code /proc/PID/stat}: 'R' running, 'S' sleeping, 'T' stopped
 * (SIGSTOP), …; {@link #UNKNOWN} where there is no {@code /proc} (macOS).
 */
final class ProcState {

    /** What {@link #of} gives for a process that is gone. */
    static final char GONE = '-';
    /** What {@link #of} gives without {@code /proc}. */
    static final char UNKNOWN = '?';
    /** The state of a process stopped by a signal. */
    static final char STOPPED = 'T';

    private ProcState() {}

    static char of(long pid) throws IOException {
        if (!Files.isDirectory(Path.of("/proc", "self"))) {
            return UNKNOWN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // pid (comm) state …: the command may hold spaces and parentheses, the state follows the last ')'.
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (NoSuchFileException gone) {
            return GONE;
        }
    }

    /** The process's command line, its arguments separated by spaces; empty when it is gone. */
    static String commandLine(long pid) throws IOException {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').trim();
        } catch (NoSuchFileException gone) {
            return "";
        }
    }
}
