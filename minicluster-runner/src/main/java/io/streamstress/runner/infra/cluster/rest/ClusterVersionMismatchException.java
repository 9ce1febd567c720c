package io.streamstress.runner.infra.cluster.rest;

/**
 * The cluster runs another Flink version line than the one this jar is built with: its job graph and REST
 * messages would not fit. A usage error (exit code 2): the message says which versions and what to do.
 */
public class ClusterVersionMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ClusterVersionMismatchException(String message) {
        super(message);
    }
}
