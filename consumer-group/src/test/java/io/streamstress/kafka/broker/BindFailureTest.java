package io.streamstress.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.server.ServerSocketFactory;
import org.junit.jupiter.api.Test;

class BindFailureTest {

    @Test
    void kafkasOwnFailureToBindATakenPortIsAPortTakenAndNamesThePort() throws Exception {
        // Given a port held by this test
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // When Kafka's socket server factory binds it, as the broker's listeners do
            Throwable failure = catchThrowable(() -> ServerSocketFactory.INSTANCE.openServerSocket("CONTROLLER",
                    new InetSocketAddress("127.0.0.1", held.getLocalPort()), -1, -1).close());

            // Then the failure is a taken port, and the rule reads the port from Kafka's message
            assertThat(failure).as("Kafka's bind failure").isInstanceOf(KafkaException.class);
            assertThat(BindFailure.isPortTaken(failure)).as("port taken").isTrue();
            assertThat(BindFailure.takenPort(failure)).as("taken port").hasValue(held.getLocalPort());
        }
    }

    @Test
    void aTakenPortIsFoundThroughWrappingExceptions() {
        // Given Kafka's bind failure wrapped as a future's completion and again by a caller
        KafkaException bind = new KafkaException("Socket server failed to bind to 127.0.0.1:4242: Address already in use.",
                new BindException("Address already in use"));
        RuntimeException wrapped = new RuntimeException("startup failed", new CompletionException(bind));

        // Then it is still a taken port, port 4242
        assertThat(BindFailure.isPortTaken(wrapped)).as("wrapped port taken").isTrue();
        assertThat(BindFailure.takenPort(wrapped)).as("wrapped taken port").hasValue(4242);
    }

    @Test
    void otherStartUpFailuresAreNotATakenPort() {
        // Given failures that fresh ports would not cure
        Throwable foreignAddress = new KafkaException("Socket server failed to bind to 10.9.9.9:9092: "
                + "Cannot assign requested address.", new BindException("Cannot assign requested address"));
        Throwable lockedDir = new KafkaException("Failed to acquire lock on file .lock in /data/kraft-logs.");
        Throwable otherSocketError = new KafkaException("accept failed", new SocketException("Address already in use"));
        Throwable noCause = new IllegalStateException("Address already in use");

        // Then none of them is a taken port
        assertThat(BindFailure.isPortTaken(foreignAddress)).as("address not on this host").isFalse();
        assertThat(BindFailure.isPortTaken(lockedDir)).as("locked log dir").isFalse();
        assertThat(BindFailure.isPortTaken(otherSocketError)).as("a socket error that is not a bind").isFalse();
        assertThat(BindFailure.isPortTaken(noCause)).as("the words alone, no BindException").isFalse();
        assertThat(BindFailure.takenPort(lockedDir)).as("no port named").isEmpty();
    }
}
