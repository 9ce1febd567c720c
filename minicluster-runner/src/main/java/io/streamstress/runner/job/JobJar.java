package io.streamstress.runner.job;

import io.streamstress.runner.infra.HarnessException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Finds {@code stress-job.jar}, the jar a user's Flink cluster needs to run the stress job (the job's classes
 * and what a Flink distribution lacks: the Kafka connector, kafka-clients, Lettuce, resilience4j, HdrHistogram):
 * the file the system property {@value #PROPERTY} names (the build's integration tests set it), else the copy
 * {@code stress.jar} carries as the resource {@value #RESOURCE}, extracted into the run directory.
 */
public final class JobJar {

    public static final String PROPERTY = "streamstress.job-jar";
    /** Where the package phase puts the job jar inside {@code stress.jar}. */
    public static final String RESOURCE = "streamstress/stress-job.jar";
    public static final String FILE_NAME = "stress-job.jar";

    private JobJar() {}

    /**
     * The job jar's path.
     *
     * @param extractInto the directory the embedded copy is extracted into (the run directory)
     * @throws HarnessException when neither the property nor the resource gives one
     */
    public static Path locate(Path extractInto) throws HarnessException {
        return locate(Optional.ofNullable(System.getProperty(PROPERTY)), JobJar.class.getClassLoader(), extractInto);
    }

    static Path locate(Optional<String> property, ClassLoader resources, Path extractInto) throws HarnessException {
        if (property.isPresent()) {
            Path jar = Path.of(property.get());
            if (!Files.isRegularFile(jar)) {
                throw new HarnessException("-D" + PROPERTY + "=" + property.get() + " names no file: build the job jar "
                        + "with mvn package (minicluster-runner/target/" + FILE_NAME + ")");
            }
            return jar;
        }
        try (InputStream embedded = resources.getResourceAsStream(RESOURCE)) {
            if (embedded == null) {
                throw new HarnessException("this build carries no job jar (no " + RESOURCE + " in stress.jar): run "
                        + "stress.jar as mvn package builds it, or set -D" + PROPERTY + "=PATH/" + FILE_NAME);
            }
            Path jar = extractInto.resolve(FILE_NAME);
            Files.createDirectories(extractInto);
            Files.copy(embedded, jar, StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } catch (IOException e) {
            throw new HarnessException("could not extract the job jar into " + extractInto + ": " + e.getMessage(), e);
        }
    }
}
