package io.streamstress.runner.run;

import io.streamstress.chaos.inject.InjectedFault;
import io.streamstress.runner.infra.Console;
import java.util.Locale;

/** Prints the verdict block, ending with the one machine-readable {@code VERDICT} line. */
public final class VerdictPrinter {

    private VerdictPrinter() {}

    /** The last line of stdout: {@code VERDICT PASS|FAIL produced=… committed=… lost=… duplicated=… seconds=…}. */
    public static String verdictLine(RunOutcome outcome) {
        return String.format(Locale.ROOT, "VERDICT %s produced=%d committed=%d lost=%d duplicated=%d seconds=%.1f",
                outcome.passed() ? "PASS" : "FAIL",
                outcome.verification().produced(),
                outcome.verification().committed(),
                outcome.verification().lost(),
                outcome.verification().duplicated(),
                outcome.pipelineTime().toMillis() / 1000.0);
    }

    public static void print(Console console, RunOutcome outcome) {
        var v = outcome.verification();
        console.line("");
        console.line("Verification (read back from the topic and Redis)");
        console.line("  asked for     %,15d messages", v.expected());
        console.line("  produced      %,15d acknowledged by the broker", v.produced());
        console.line("  end offsets   %,15d in the topic", v.endOffsets());
        console.line("  committed     %,15d counted in Redis (total key %,d)", v.committed(), v.redisTotal());
        console.line("  lost          %,15d sequence numbers no commit covers", v.lost());
        console.line("  duplicated    %,15d sequence numbers committed more than once", v.duplicated());
        if (v.unexpected() > 0) {
            console.line("  unexpected    %,15d sequence numbers that were never produced", v.unexpected());
        }
        console.line("  faults        %,15d injected of %d planned; Flink counted %d task restart(s)",
                outcome.injected().size(), outcome.plannedFaults(), outcome.flinkTaskRestarts());
        for (InjectedFault fault : outcome.injected()) {
            console.line("                  %s on subtask %d (attempt %d) after %,d records past a checkpoint barrier",
                    fault.kind(), fault.subtask(), fault.attempt(), fault.recordsSinceCheckpoint());
        }
        console.line("  produce       %15.1f s", outcome.produceTime().toMillis() / 1000.0);
        console.line("  pipeline      %15.1f s  first send → everything committed, %,.0f msg/s",
                outcome.pipelineTime().toMillis() / 1000.0, outcome.messagesPerSecond());
        console.line("  wall          %15.1f s  including start-up and verification", outcome.wallTime().toMillis() / 1000.0);
        for (String problem : outcome.problems()) {
            console.line("  FAIL: %s", problem);
        }
        console.line(verdictLine(outcome));
    }
}
