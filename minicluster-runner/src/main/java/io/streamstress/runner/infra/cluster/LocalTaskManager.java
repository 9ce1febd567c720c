package io.streamstress.runner.infra.cluster;

import java.nio.file.Path;

/**
 * A TaskManager JVM of the local cluster.
 *
 * @param resourceId its resource id, as REST lists it ({@code tm-N}; a replacement gets the next N)
 * @param pid its process id
 * @param frozen whether it is stopped by SIGSTOP
 * @param log its log file
 */
public record LocalTaskManager(String resourceId, long pid, boolean frozen, Path log) {}
