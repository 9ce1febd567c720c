package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each fault kind once, at small scale, against the real embedded broker, Redis and MiniCluster: the count
 * stays exact and the fault's recovery was measured.
 */
class ChaosFaultsITCase {

    @ParameterizedTest(name = "--chaos {0}")
    @ValueSource(strings = {"taskmanager-stop", "redis-stall", "redis-restart", "broker-restart", "poison",
        "redis-reply-lost", "redis-blackhole", "redis-reset", "kafka-blackhole", "kafka-latency", "kafka-reset",
        "jobmanager-failover"})
    void theCountStaysExactAndRecoveryIsMeasured(String kind) {
        // When a small run injects one fault of this kind
        CommandResult result = CommandResult.run(StressPipelineITCase.args("--chaos", kind, "--stall", "2s"));

        // Then
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("last line")
                .startsWith("VERDICT PASS produced=200000 committed=200000 lost=0 duplicated=0 seconds=");
        assertThat(result.out()).as("the fault was injected and recovered from")
                .contains("1 injected of 1 planned")
                .containsPattern(" 1 " + kind + " +recovery \\d+\\.\\d\\d s ")
                .containsPattern("recovery +" + kind + " +1 injected, 1 recovered, p50 \\d+\\.\\d\\d s");
        if (kind.equals("poison")) {
            assertThat(result.out()).as("poison set aside, counted apart from the total")
                    .containsPattern("poison +10 malformed records set aside and counted apart \\(10 written\\)")
                    .containsPattern("end offsets +200,010 in the topic");
        }
    }

    @Test
    void killedPartitionLeadersAreReplacedByTheirReplicasAndTheCountStaysExact() {
        // Given three embedded brokers, every partition on 3 replicas (min.insync.replicas 2), fed at 25,000 msg/s
        // When the leader of partition 0 is killed at 30 % and the leader of partition 1 at 60 %, each down for 3 s
        CommandResult result = CommandResult.run(StressPipelineITCase.args("--brokers", "3", "--rate", "25000",
                "--chaos", "broker-leader-kill@30%,broker-leader-kill@60%", "--stall", "3s"));

        // Then the source and the producer moved to the new leaders, nothing was lost or counted twice, and each
        // kill recovered once its partitions were counted from their new leaders
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.lastOutLine()).as("last line")
                .startsWith("VERDICT PASS produced=200000 committed=200000 lost=0 duplicated=0 seconds=");
        assertThat(result.out()).as("three brokers, the topic replicated on them")
                .contains("Starting Kafka (embedded, KRaft, 3 brokers)")
                .containsPattern("Topic stress-\\S+ with 8 partitions, 3 replicas each");
        assertThat(result.out()).as("both leaders killed, replaced, restarted and caught up")
                .contains("2 injected of 2 planned")
                .containsPattern("broker [123], leader of partition 0 and \\d+ more of the topic's, killed; new leaders "
                        + "after \\d+ ms; restarted after \\d+ ms, replicas in sync \\d+ ms later")
                .containsPattern("broker [123], leader of partition 1 and \\d+ more of the topic's, killed; new leaders")
                .containsPattern(" 1 broker-leader-kill@30% +recovery \\d+\\.\\d\\d s .*first commit, on every partition the "
                        + "killed broker led, of a record sent after new leaders were elected")
                .containsPattern(" 2 broker-leader-kill@60% +recovery \\d+\\.\\d\\d s ")
                .containsPattern("recovery +broker-leader-kill +2 injected, 2 recovered, p50 \\d+\\.\\d\\d s");
    }

    @Test
    void theAtLeastOnceControlIsCaughtWhenACommitsReplyIsLost() {
        // Given the at-least-once sink, which applies its batches without a mark
        // When the reply to one of its scripts is lost and the connection cut
        CommandResult result = CommandResult.run(StressPipelineITCase.args("--delivery", "at-least-once",
                "--chaos", "redis-reply-lost"));

        // Then the batch applied twice is counted as duplicates
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.INVARIANT_FAILED);
        assertThat(result.lastOutLine()).as("last line").startsWith("VERDICT FAIL produced=200000 committed=")
                .containsPattern("lost=0 duplicated=[1-9]\\d*");
    }

    @Test
    void aTaskManagerStopAlwaysStopsOneThatHostsARunningTask() {
        // Given two subtasks on six 1-slot TaskManagers: four TaskManagers are idle; 10 s of records at 20,000 msg/s
        // (each stop waits for a checkpoint after the one before and for records flowing)
        // When three TaskManagers are stopped one after the other
        CommandResult result = CommandResult.run("--messages", "200000", "--partitions", "2", "--task-managers", "6",
                "--slots-per-task-manager", "1", "--rate", "20000", "--max-time", "3m",
                "--chaos", "taskmanager-stop,taskmanager-stop,taskmanager-stop");

        // Then each stop restarted a subtask: Flink counts one restart per fault
        assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.out(), result.err())
                .isEqualTo(ExitCodes.PASS);
        assertThat(result.out()).as("every stop hit a busy TaskManager")
                .contains("3 injected of 3 planned; 3 restart tasks, Flink restarted 3 subtask(s) (agree)")
                .contains("hosting a running task");
    }
}
