package io.streamstress.runner.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
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
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(name + ": " + e.getMessage() + " (see --help)");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(name + ": " + oneLine(e));
            if (verbose.getAsBoolean()) {
                e.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.HARNESS_ERROR;
        });
        return cli;
    }

    /** The root cause's message, first line only. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message);
    }
}
