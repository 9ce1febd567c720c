package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code stress.jar verify} usage errors: exit 2 and one line on stderr, before anything is contacted. */
class VerifyCommandTest {

    private static final List<String> VALID = List.of("verify", "--bootstrap-servers", "127.0.0.1:1", "--topic", "t",
            "--redis-uri", "redis://127.0.0.1:1", "--run-id", "r1");

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        // Given verify without --run-id
        // When stress.jar runs it
        CommandResult result = CommandResult.run("verify", "--bootstrap-servers", "127.0.0.1:1", "--topic", "t",
                "--redis-uri", "redis://127.0.0.1:1");

        // Then it exits 2 naming the option, in one line
        assertThat(result.exitCode()).as("exit code").isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).as("stderr").singleElement().asString()
                .startsWith("stress.jar verify: ").contains("--run-id").endsWith("(see --help)");
        assertThat(result.out()).as("stdout").isEmpty();
    }

    @Test
    void wrongValuesAreUsageErrors() {
        // Given verify with one wrong value each
        // When stress.jar runs them
        // Then each exits 2 naming what is wrong
        assertUsageError(with("--redis-uri", "http://127.0.0.1:1"), "redis");
        assertUsageError(with("--messages", "0"), "--messages must be at least 1");
        assertUsageError(with("--messages", "many"), "--messages");
        assertUsageError(with("--run-id", "a b"), "key prefix");
        assertUsageError(with("--connect-timeout", "soon"), "--connect-timeout");
        assertUsageError(with("--no-such-option", "x"), "--no-such-option");
    }

    @Test
    void anUnreachableKafkaCannotBeVerified() {
        // Given verify against a port where no broker listens, with a 1 s timeout
        // When stress.jar runs it
        CommandResult result = CommandResult.run(with("--connect-timeout", "1s").toArray(String[]::new));

        // Then it exits 1 saying Kafka did not answer, and prints no verdict
        assertThat(result.exitCode()).as("exit code").isEqualTo(ExitCodes.HARNESS_ERROR);
        assertThat(result.errLines()).as("stderr").singleElement().asString()
                .startsWith("stress.jar verify: ").contains("127.0.0.1:1");
        assertThat(result.out()).as("stdout").doesNotContain("VERDICT");
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        // Given verify --help
        // When stress.jar runs it
        CommandResult result = CommandResult.run("verify", "--help");

        // Then it exits 0 with the options and exit codes
        assertThat(result.exitCode()).as("exit code").isZero();
        assertThat(result.out()).as("help").contains("--bootstrap-servers", "--topic", "--redis-uri", "--run-id",
                "--messages", "3   verified and failed");
    }

    private static void assertUsageError(List<String> args, String mentioned) {
        CommandResult result = CommandResult.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as("exit code of %s", args).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).as("stderr of %s", args).singleElement().asString()
                .startsWith("stress.jar verify: ").contains(mentioned);
    }

    /** The valid arguments with {@code option} set to {@code value} (replacing it when it is there). */
    private static List<String> with(String option, String value) {
        List<String> args = new ArrayList<>(VALID);
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.addAll(List.of(option, value));
        }
        return args;
    }
}
