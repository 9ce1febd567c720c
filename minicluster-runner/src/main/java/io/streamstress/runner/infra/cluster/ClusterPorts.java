package io.streamstress.runner.infra.cluster;

/**
 * The JobManager's two fixed ports: the TaskManagers reach its RPC port from {@code config.yaml}, the harness
 * its REST port. Everything else (TaskManager RPC and data ports, the blob server) binds port 0.
 *
 * @param rpc {@code jobmanager.rpc.port}
 * @param rest {@code rest.port} (and {@code rest.bind-port})
 */
public record ClusterPorts(int rpc, int rest) {

    public ClusterPorts {
        if (rpc < 1 || rpc > 65535 || rest < 1 || rest > 65535) {
            throw new IllegalArgumentException("ports must be in [1, 65535], were " + rpc + " and " + rest);
        }
        if (rpc == rest) {
            throw new IllegalArgumentException("the RPC and REST ports must differ, both were " + rpc);
        }
    }

    /** Two distinct candidates from {@code picker}. */
    static ClusterPorts pick(PortPicker picker, String host) {
        int rpc = picker.pick(host);
        int rest = picker.pick(host);
        for (int i = 0; rest == rpc && i < 10; i++) {
            rest = picker.pick(host);
        }
        return new ClusterPorts(rpc, rest);
    }
}
