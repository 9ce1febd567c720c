package io.streamstress.runner.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedProcessITCase {

    /** Notes a SIGTERM in file $0 and exits 99 on it, else sleeps in short steps; creates $1 once its trap is set. */
    private static final String TRAPPING_SLEEPER =
            "trap 'echo TERM > \"$0\"; exit 99' TERM; : > \"$1\"; while :; do sleep 0.05; done";

    @TempDir
    Path tmp;

    @Test
    void killSendsSigkillNotSigterm() throws Exception {
        // Given a process that would note a SIGTERM
        Path noted = tmp.resolve("term");
        try (WatchedProcess process = startSleeper(noted)) {
            assertThat(process.alive()).as("alive at start").isTrue();

            // When it is killed
            process.kill();

            // Then it is gone, without having seen a SIGTERM (ProcessHandle.destroyForcibly is SIGKILL)
            assertThat(process.awaitExit(Duration.ofSeconds(5))).as("gone").isTrue();
            assertThat(ProcState.of(process.pid())).as("/proc state").isEqualTo(ProcState.GONE);
            assertThat(noted).as("SIGTERM noted").doesNotExist();
        }
    }

    @Test
    void terminateSendsSigterm() throws Exception {
        // Given
        Path noted = tmp.resolve("term");
        try (WatchedProcess process = startSleeper(noted)) {
            // When
            process.terminate();

            // Then
            assertThat(process.awaitExit(Duration.ofSeconds(5))).as("gone").isTrue();
            assertThat(Files.readString(noted).trim()).as("SIGTERM noted").isEqualTo("TERM");
        }
    }

    @Test
    void aFrozenProcessIsStoppedUntilThawed() throws Exception {
        // Given
        try (WatchedProcess process = startSleeper(tmp.resolve("term"))) {
            // When it is frozen
            process.freeze();

            // Then Linux reports it stopped ('T'), yet alive
            assertThat(ProcState.of(process.pid())).as("state frozen").isEqualTo('T');
            assertThat(process.alive()).as("alive frozen").isTrue();

            // When it is thawed, Then it runs again
            process.thaw();
            assertThat(ProcState.of(process.pid())).as("state thawed").isIn('R', 'S');
        }
    }

    @Test
    void closingThePipeKillsEvenAFrozenProcess() throws Exception {
        // Given a frozen process (it cannot react to anything)
        WatchedProcess process = startSleeper(tmp.resolve("term"));
        process.freeze();

        // When the watchdog's pipe closes (as it does when the JVM that holds it dies)
        process.close();

        // Then the watchdog killed it
        assertThat(process.awaitExit(Duration.ofSeconds(5))).as("gone").isTrue();
    }

    @Test
    void theProcessOutputGoesToItsFile() throws Exception {
        // Given / When
        Path out = tmp.resolve("out");
        try (WatchedProcess process = WatchedProcess.start(List.of("/bin/sh", "-c", "echo said; echo complained >&2"), out)) {
            assertThat(process.awaitExit(Duration.ofSeconds(5))).as("ended").isTrue();
        }

        // Then
        assertThat(Files.readAllLines(out)).as("output").containsExactly("said", "complained");
    }

    /** Starts the sleeper and waits until its trap is set. */
    private WatchedProcess startSleeper(Path noted) throws Exception {
        Path ready = tmp.resolve("ready");
        WatchedProcess process = WatchedProcess.start(
                List.of("/bin/sh", "-c", TRAPPING_SLEEPER, noted.toString(), ready.toString()), tmp.resolve("out"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(ready) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ready).as("sleeper ready").exists();
        return process;
    }
}
