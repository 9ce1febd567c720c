package io.streamstress.runner.cli;

import io.streamstress.runner.infra.RunDirectory;
import io.streamstress.runner.infra.RunSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run that is stopped before its end (Ctrl-C, SIGTERM, its launching process gone) leaves behind, and
 * what it tells the user about it on stderr.
 *
 * <p>A run that got as far as writing its {@code run.properties} can be resumed, so its directory is kept and
 * the user is told where it is and the exact commands that resume or delete it: a directory kept without a
 * word is one nobody finds again. A run stopped before that point has nothing to resume: its directory is
 * deleted (unless {@code --keep}).
 */
final class Interruption {

    private static volatile boolean underway;

    private Interruption() {}

    /**
     * Whether the run is being stopped: errors the run's own thread meets meanwhile (its servers stopping
     * under it) are consequences, not news, and stay off stderr, which holds the notice.
     */
    static boolean underway() {
        return underway;
    }

    /** Runs in the shutdown hook of a run stopped before its end: keeps or deletes {@code dir} and says which. */
    static void handle(RunDirectory dir, boolean keep, PrintWriter err) {
        underway = true;
        Path root = dir.root();
        if (Files.isRegularFile(root.resolve(RunSettings.FILE))) {
            keptForResume(root, jarCommand()).forEach(err::println);
        } else if (keep) {
            err.println("stress.jar: interrupted before the run started; the run directory is kept (--keep): " + root);
        } else {
            try {
                dir.delete();
                err.println("stress.jar: interrupted before the run started: nothing to resume, run directory deleted");
            } catch (IOException e) {
                err.println("stress.jar: interrupted before the run started; could not delete " + root + " ("
                        + e.getMessage() + "): rm -rf " + root);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        err.flush();
    }

    /** The lines that tell where a kept run directory is and how to resume or delete it. */
    static List<String> keptForResume(Path root, String jarCommand) {
        return List.of("stress.jar: interrupted; the run directory is kept for --resume: " + root,
                "  resume it: " + jarCommand + " --resume " + root,
                "  delete it: rm -rf " + root);
    }

    /** How the user runs this jar: {@code java -jar} and its absolute path (or {@code stress.jar} outside a jar). */
    static String jarCommand() {
        return "java -jar " + WorkerJvm.runningJar().map(jar -> jar.toAbsolutePath().toString()).orElse("stress.jar");
    }
}
