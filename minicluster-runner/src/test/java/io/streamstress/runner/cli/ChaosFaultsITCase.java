package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each fault kind once, at small scale, against the real embedded broker, Redis and MiniCluster: the count
 * stays exact and the fault's recovery was measured.
 */
class ChaosFaultsITCase {

    @ParameterizedTest(name = "--chaos {0}")
    @ValueSource(strings = {"taskmanager-stop", "redis-stall", "redis-restart", "broker-restart", "poison"})
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
}
