package io.streamstress.runner.infra.cluster.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureTextTest {

    @Test
    void theMessageIsTheTopExceptionsAndEveryCausesMessage() {
        // Given an exception history entry's stack trace with a wrapped cause, as Flink prints it
        String trace = """
                org.apache.flink.util.FlinkException: Disconnect from JobManager responsible for 3f2a.
                \tat org.apache.flink.runtime.taskexecutor.TaskExecutor.disconnectJobManagerConnection(TaskExecutor.java:1)
                Caused by: org.apache.flink.runtime.jobmaster.JobMasterException: TaskManager with id tm-1 is no longer reachable.
                \tat org.apache.flink.runtime.jobmaster.JobMaster.disconnectTaskManager(JobMaster.java:2)
                \t... 3 more
                """;

        // When its message is taken
        String message = FailureText.message("org.apache.flink.util.FlinkException", trace);

        // Then it has the top message without the class name, and the cause's
        assertThat(message).as("message").isEqualTo("Disconnect from JobManager responsible for 3f2a.; caused by "
                + "org.apache.flink.runtime.jobmaster.JobMasterException: TaskManager with id tm-1 is no longer reachable.");
    }

    @Test
    void aTraceWithoutMessageOrWithNoneAtAllGivesLittle() {
        // Given traces without a message, or no trace
        // When their message is taken
        // Then it is empty, or the first line as it is
        assertThat(FailureText.message("java.lang.NullPointerException", "java.lang.NullPointerException\n\tat x.y(Z.java:1)"))
                .as("no message").isEmpty();
        assertThat(FailureText.message("a.B", null)).as("no trace").isEmpty();
        assertThat(FailureText.message("a.B", "something else: went wrong")).as("other first line")
                .isEqualTo("something else: went wrong");
    }

    @Test
    void aLongChainIsCut() {
        // Given a trace whose causes go on and on
        String trace = "a.B: top\n" + "Caused by: c.D: deeper\n".repeat(500);

        // When its message is taken
        // Then it is cut at the limit
        assertThat(FailureText.message("a.B", trace)).as("message").hasSize(FailureText.MAX_LENGTH + 1).endsWith("…");
    }
}
