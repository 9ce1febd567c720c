package io.streamstress.runner.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * How a worker tells its supervisor that a process-kill is due: it writes the fault's index into a file the
 * supervisor watches. The supervisor then kills the worker and removes the file.
 *
 * @param file the file (its path reaches the worker as the system property {@link #PROPERTY})
 */
public record KillRequest(Path file) {

    public static final String FILE = "kill-request";
    public static final String PROPERTY = "streamstress.killRequest";

    /** The request file this worker was given, when it runs under a supervisor. */
    public static Optional<KillRequest> ofThisWorker() {
        String path = System.getProperty(PROPERTY);
        return path == null ? Optional.empty() : Optional.of(new KillRequest(Path.of(path)));
    }

    public void write(int faultIndex) throws IOException {
        Path temp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(temp, Integer.toString(faultIndex), StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The index of the fault that is due, if a request is pending. */
    public Optional<Integer> read() throws IOException {
        try {
            return Optional.of(Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }
}
