package io.streamstress.runner.infra.cluster;

import io.streamstress.runner.infra.Console;

/**
 * Where a starting cluster reports its progress, one whole line at a time (the cluster may start alongside
 * Kafka and Redis, whose lines must not land inside one of its own).
 */
@FunctionalInterface
public interface ClusterProgress {

    /** Reports one line. */
    void line(String line);

    /** Reports on {@code console}. */
    static ClusterProgress to(Console console) {
        return line -> console.line("%s", line);
    }

    /** Reports nothing. */
    static ClusterProgress silent() {
        return line -> { };
    }
}
