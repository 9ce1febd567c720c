package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterCommandTest {

    @Test
    void helpShowsEveryOptionWithItsDefault() {
        // When
        CommandResult result = CommandResult.run("cluster", "--help");

        // Then
        String help = result.out().replaceAll("\\s+", " ");
        assertThat(result.exitCode()).as("exit code").isEqualTo(ExitCodes.PASS);
        assertThat(help).as("help, whitespace folded")
                .contains("Usage: stress.jar cluster")
                .contains("--task-managers=N TaskManagers, besides the spare (default: 2)")
                .contains("--slots-per-task-manager=N Slots per TaskManager (default: 2)")
                .contains("(default: hashmap)")
                .contains("--run-dir=DIR", "--keep", "-D=KEY=VALUE");
    }

    @Test
    void theMainHelpListsTheCommand() {
        assertThat(CommandResult.run("--help").out()).as("stress.jar --help").contains("cluster");
    }

    @Test
    void aBadCountIsAOneLineUsageErrorWithExitCode2() {
        // When
        CommandResult result = CommandResult.run("cluster", "--task-managers", "0");

        // Then
        assertThat(result.exitCode()).as("exit code").isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).as("stderr")
                .containsExactly("stress.jar cluster: --task-managers must be at least 1, was 0 (see --help)");
        assertThat(result.out()).as("stdout").isEmpty();
    }

    @Test
    void anUnknownStateBackendIsAUsageError() {
        // When
        CommandResult result = CommandResult.run("cluster", "--state-backend", "nope");

        // Then
        assertThat(result.exitCode()).as("exit code").isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).as("stderr").hasSize(1);
        assertThat(result.errLines().get(0)).as("stderr").startsWith("stress.jar cluster: --state-backend: ");
    }
}
