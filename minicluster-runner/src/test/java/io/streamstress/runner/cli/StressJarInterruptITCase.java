package io.streamstress.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.streamstress.checkpoints.RetainedCheckpoints;
import io.streamstress.runner.infra.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar stress.jar} stopped mid-run, as Ctrl-C or a SIGTERM to the process the user started
 * stops it: the run directory stays for {@code --resume}, and stderr says where it is and the exact commands
 * that resume and delete it; the resume command works.
 */
class StressJarInterruptITCase {

    private static final String MESSAGES = "400000";

    @TempDir
    Path dir;

    @Test
    void aSigtermToTheLaunchingProcessKeepsTheRunDirectoryAndPrintsHowToResumeOrDeleteIt() throws Exception {
        // Given a run under way (its worker JVM consuming, the producer held to a rate so that it lasts)
        Path runDir = dir.resolve("run-dir");
        JarProcess run = startLongRun(runDir);

        // When the process the user started gets a SIGTERM
        run.process().toHandle().destroy();
        run.waitFor(Duration.ofMinutes(1));

        // Then the directory is kept and stderr holds the notice with both commands, nothing else
        List<String> notice = thenTheRunDirectoryIsKeptWithItsNotice(run, runDir);

        // And the printed resume command finishes the run
        List<String> resume = new ArrayList<>(Arrays.asList(notice.get(1).trim().substring("resume it: ".length()).split(" ")));
        assertThat(resume.subList(0, 2)).as("resume command").containsExactly("java", "-jar");
        JarProcess resumed = JarProcess.start(JarProcess.javaOfThisJvm(), dir.resolve("resume"), List.of(),
                resume.subList(3, resume.size()).toArray(String[]::new));
        assertThat(resumed.waitFor(Duration.ofMinutes(3))).as("resumed exit code; stdout %s; stderr %s",
                resumed.out(), resumed.err()).isEqualTo(ExitCodes.PASS);
        assertThat(resumed.out()).as("resumed run's verdict")
                .contains("VERDICT PASS produced=" + MESSAGES + " committed=" + MESSAGES + " lost=0 duplicated=0");
        assertThat(runDir).as("run directory after the resumed run passed").doesNotExist();
    }

    @Test
    void ctrlCKeepsTheRunDirectoryAndPrintsHowToResumeOrDeleteIt() throws Exception {
        // Given a JVM that does not ignore SIGINT (its children would inherit that), and a run under way
        assumeFalse(ignoresSigint(), "this JVM ignores SIGINT (started in the background): Ctrl-C cannot be imitated");
        Path runDir = dir.resolve("run-dir");
        JarProcess run = startLongRun(runDir);

        // When Ctrl-C reaches the processes of the terminal's foreground group (the launcher and its worker JVM)
        List<ProcessHandle> jvms = new ArrayList<>(List.of(run.process().toHandle()));
        run.process().descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .forEach(jvms::add);
        assertThat(jvms).as("launcher and worker JVM").hasSize(2);
        for (ProcessHandle jvm : jvms) {
            new ProcessBuilder("kill", "-INT", Long.toString(jvm.pid())).start().waitFor();
        }
        run.waitFor(Duration.ofMinutes(1));

        // Then the same as for a SIGTERM
        thenTheRunDirectoryIsKeptWithItsNotice(run, runDir);
    }

    private JarProcess startLongRun(Path runDir) throws IOException, InterruptedException {
        JarProcess run = JarProcess.start(dir.resolve("run"), List.of(), "--messages", MESSAGES, "--rate", "40000",
                "--partitions", "2", "--task-managers", "1", "--slots-per-task-manager", "2",
                "--run-dir", runDir.toString(), "--report-dir", dir.resolve("report").toString());
        assertThat(run.awaitOutput("running: parallelism", Duration.ofMinutes(2)))
                .as("job running; stdout %s; stderr %s", run.out(), run.err()).isTrue();
        // Interrupted mid-run: once a checkpoint is retained, so that the resume restores one
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (RetainedCheckpoints.latest(runDir.resolve("checkpoints")).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(RetainedCheckpoints.latest(runDir.resolve("checkpoints"))).as("a retained checkpoint").isPresent();
        return run;
    }

    private static List<String> thenTheRunDirectoryIsKeptWithItsNotice(JarProcess run, Path runDir) throws IOException {
        Path root = runDir.toAbsolutePath();
        assertThat(root.resolve(RunSettings.FILE)).as("run directory kept, with what --resume needs").isRegularFile();
        List<String> expected = List.of(
                "stress.jar: interrupted; the run directory is kept for --resume: " + root,
                "  resume it: java -jar " + JarProcess.JAR.toAbsolutePath() + " --resume " + root,
                "  delete it: rm -rf " + root);
        assertThat(run.errLines()).as("stderr of the process the user started").isEqualTo(expected);
        return run.errLines();
    }

    /** Whether SIGINT (signal 2) is ignored by this JVM: bit 1 of SigIgn in /proc/self/status. */
    private static boolean ignoresSigint() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring("SigIgn:".length()).trim(), 16) & 0b10) != 0;
            }
        }
        return false;
    }
}
