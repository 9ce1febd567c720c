package io.streamstress.runner.cli;

/** The entry point of {@code stress.jar}. */
public final class StressMain {

    private StressMain() {}

    public static void main(String[] args) {
        if (WorkerJvm.isWorker()) {
            WorkerJvm.exitWhenParentGoes();
        }
        int code = StressCommand.execute(args, System.out, System.err);
        // The broker, the MiniCluster and Lettuce leave non-daemon threads behind: exit explicitly.
        System.exit(code);
    }
}
