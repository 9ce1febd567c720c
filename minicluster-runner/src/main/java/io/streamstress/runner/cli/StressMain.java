package io.streamstress.runner.cli;

import java.util.Optional;

/** The entry point of {@code stress.jar}. */
public final class StressMain {

    private StressMain() {}

    public static void main(String[] args) {
        int code;
        try {
            Optional<Integer> child = JvmRelauncher.relaunchIfNeeded(args);
            code = child.isPresent() ? child.get() : StressCommand.execute(args, System.out, System.err);
        } catch (Exception e) {
            System.err.println("stress.jar: could not start the worker JVM: " + e.getMessage());
            code = ExitCodes.HARNESS_ERROR;
        }
        // The broker, the MiniCluster and Lettuce leave non-daemon threads behind: exit explicitly.
        System.exit(code);
    }
}
