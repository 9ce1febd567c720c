package io.streamstress.runner.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BindFailureTest {

    @Test
    void aTakenRestPortIsNamed() {
        // Given what Flink 2.2.1's JobManager logged when its REST port was held by another process
        String log = """
                2026-12-02 06:55:38,845 ERROR org.apache.flink.runtime.entrypoint.ClusterEntrypoint [] - Could not start cluster entrypoint StandaloneSessionClusterEntrypoint.
                org.apache.flink.runtime.entrypoint.ClusterEntrypointException: Failed to initialize the cluster entrypoint StandaloneSessionClusterEntrypoint.
                Caused by: org.apache.flink.util.FlinkException: Could not create the DispatcherResourceManagerComponent.
                Caused by: java.net.BindException: Could not start rest endpoint on any port in port range 48081
                """;

        // When / Then
        assertThat(BindFailure.takenPort(log)).as("taken port").hasValue(48081);
    }

    @Test
    void aTakenRpcPortIsNamed() {
        // Given what it logged when its RPC port was held
        String log = """
                2026-12-02 06:55:48,002 ERROR org.apache.pekko.remote.transport.netty.NettyTransport [] - failed to bind to host:127.0.0.1 port:46123, shutting down Netty transport
                2026-12-02 06:55:48,107 INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint [] - Shutting StandaloneSessionClusterEntrypoint down with application status FAILED. Diagnostics java.net.BindException: Could not start actor system on any port in port range 46123
                """;

        // When / Then
        assertThat(BindFailure.takenPort(log)).as("taken port").hasValue(46123);
    }

    @Test
    void theJdksAddressInUseCountsWithoutAPort() {
        assertThat(BindFailure.takenPort("Caused by: java.net.BindException: Address already in use"))
                .as("taken, port unknown").hasValue(BindFailure.UNKNOWN_PORT);
    }

    @Test
    void otherFailuresAreNotWorthFreshPorts() {
        // Given a memory configuration that does not add up, and a start that went well
        String badMemory = "org.apache.flink.configuration.IllegalConfigurationException: Sum of configured JVM "
                + "Metaspace (256.000mb) and JVM Overhead (192.000mb) exceed configured Total Process Memory (256.000mb).";
        String fine = "INFO org.apache.flink.runtime.dispatcher.DispatcherRestEndpoint [] - Rest endpoint listening at 127.0.0.1:48081";

        // When / Then
        assertThat(BindFailure.takenPort(badMemory)).as("bad memory").isEmpty();
        assertThat(BindFailure.takenPort(fine)).as("a good start").isEmpty();
    }
}
