package io.streamstress.runner.cli;

import io.streamstress.kafka.client.KafkaClientProperties;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * How every command of the jar talks to the user: its own streams, a usage error as one line naming the
 * command and exit code 2, any other error as one line (the root cause) and exit code 1, with the stack
 * trace only when asked for.
 */
final class CommandLines {

    private CommandLines() {}

    /**
     * A picocli command line for {@code command}, printing as {@code name}.
     *
     * @param verbose whether an error should also print its stack trace (read when the error happens)
     */
    static CommandLine of(Object command, String name, PrintStream out, PrintStream err, BooleanSupplier verbose) {
        return of(command, name, out, err, verbose, Map.of());
    }

    /**
     * A picocli command line for {@code command} with {@code subcommands} (by name), printing as {@code name}
     * (a subcommand's errors as "{@code name subcommand}").
     */
    static CommandLine of(Object command, String name, PrintStream out, PrintStream err, BooleanSupplier verbose,
            Map<String, Object> subcommands) {
        CommandLine cli = new CommandLine(command);
        // Before the settings below: they reach the subcommands registered at the time.
        subcommands.forEach(cli::addSubcommand);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(nameOf(cli, e.getCommandLine(), name) + ": " + e.getMessage()
                    + " (see --help)");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(nameOf(cli, commandLine, name) + ": " + oneLine(e));
            if (verbose.getAsBoolean()) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.HARNESS_ERROR;
        });
        return cli;
    }

    private static String nameOf(CommandLine top, CommandLine failed, String name) {
        return failed == top ? name : name + " " + failed.getCommandName();
    }

    /** The root cause's message, first line only. */
    /** The client properties in {@code --kafka-config FILE} (none without it); a file that does not do is a usage error. */
    static KafkaClientProperties kafkaConfig(CommandLine.Model.CommandSpec spec, Path file) {
        if (file == null) {
            return KafkaClientProperties.NONE;
        }
        try {
            return KafkaClientProperties.load(file);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kafka-config " + e.getMessage());
        }
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message);
    }
}
