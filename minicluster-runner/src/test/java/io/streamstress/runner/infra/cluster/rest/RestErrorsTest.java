package io.streamstress.runner.infra.cluster.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class RestErrorsTest {

    @Test
    void aServerSideErrorGivesTheServersDeepestCause() {
        // Given a REST client error carrying the server's stack trace, as Flink's RestClientException does
        Exception error = new ExecutionException(new IllegalStateException("""
                [Internal server error., <Exception on server side:
                org.apache.flink.runtime.client.JobSubmissionException: Failed to submit job.
                \tat org.apache.flink.runtime.dispatcher.Dispatcher.submitJob(Dispatcher.java:1)
                Caused by: java.lang.RuntimeException: Could not deserialize stream node 1
                Caused by: java.lang.ClassNotFoundException: io.streamstress.runner.job.StressRecordPosition
                \t... 12 more
                End of exception on server side>]"""));

        // When its message is taken
        // Then it is what went wrong on the server
        assertThat(RestErrors.rootMessage(error)).as("message")
                .isEqualTo("java.lang.ClassNotFoundException: io.streamstress.runner.job.StressRecordPosition");
    }

    @Test
    void anyOtherErrorGivesItsRootCausesFirstLine() {
        // Given a client-side error with a cause of two lines, and one without a message
        // When their message is taken
        // Then it is the root cause's first line, or its class
        assertThat(RestErrors.rootMessage(new RuntimeException("outer", new IllegalStateException("inner\nmore"))))
                .as("two lines").isEqualTo("inner");
        assertThat(RestErrors.rootMessage(new RuntimeException(new IllegalStateException()))).as("no message")
                .isEqualTo("IllegalStateException");
    }
}
