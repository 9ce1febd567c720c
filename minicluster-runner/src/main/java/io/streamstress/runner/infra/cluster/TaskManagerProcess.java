package io.streamstress.runner.infra.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * One TaskManager JVM the cluster started.
 *
 * @param index its number: resource id {@code tm-index}, log {@code taskmanager-index.log}
 * @param process the JVM under its watchdog
 * @param log its log file
 */
record TaskManagerProcess(int index, WatchedProcess process, Path log) {

    /** The prefix of every resource id: {@code tm-0}, {@code tm-1}, … */
    static final String RESOURCE_ID_PREFIX = "tm-";

    static String resourceId(int index) {
        return RESOURCE_ID_PREFIX + index;
    }

    String resourceId() {
        return resourceId(index);
    }

    /** Its log and its JVM's output: what an error message quotes. */
    List<Path> files() {
        return List.of(log, process.output());
    }
}
