package io.streamstress.runner.run;

import io.streamstress.runner.chaos.ClockFormat;
import io.streamstress.runner.chaos.FaultRecord;
import io.streamstress.runner.chaos.RecoverySummary;
import io.streamstress.runner.infra.Console;
import io.streamstress.runner.report.Report;
import java.util.Locale;

/** Prints the verdict block, ending with the one machine-readable {@code VERDICT} line. */
public final class VerdictPrinter {

    private VerdictPrinter() {}

    /** The last line of stdout: {@code VERDICT PASS|FAIL produced=… committed=… lost=… duplicated=… seconds=…}. */
    public static String verdictLine(RunOutcome outcome, boolean passed) {
        return String.format(Locale.ROOT, "VERDICT %s produced=%d committed=%d lost=%d duplicated=%d seconds=%.1f",
                passed ? "PASS" : "FAIL",
                outcome.verification().produced(),
                outcome.verification().committed(),
                outcome.verification().lost(),
                outcome.verification().duplicated(),
                outcome.pipelineTime().toMillis() / 1000.0);
    }

    /** Prints the verdict block of {@code report}; its last line is the VERDICT line. */
    public static void print(Console console, Report report) {
        RunOutcome outcome = report.outcome();
        var v = outcome.verification();
        console.line("");
        console.line("Verification (read back from the topic and Redis)");
        console.line("  asked for     %,15d messages", v.expected());
        console.line("  produced      %,15d acknowledged by the broker", v.produced());
        console.line("  end offsets   %,15d in the topic", v.endOffsets());
        console.line("  committed     %,15d counted in Redis (total key %,d)", v.committed(), v.redisTotal());
        console.line("  lost          %,15d sequence numbers no commit covers", v.lost());
        console.line("  duplicated    %,15d sequence numbers committed more than once", v.duplicated());
        if (v.poisonProduced() > 0 || v.poison() > 0) {
            console.line("  poison        %,15d malformed records set aside and counted apart (%,d written)",
                    v.poison(), v.poisonProduced());
        }
        if (v.unexpected() > 0) {
            console.line("  unexpected    %,15d sequence numbers that were never produced", v.unexpected());
        }
        printFaults(console, outcome);
        console.line("  start-up      %15.1f s  the command started → first record sent", outcome.startupTime().toMillis() / 1000.0);
        console.line("  produce       %15.1f s", outcome.produceTime().toMillis() / 1000.0);
        console.line("  pipeline      %15.1f s  first send → everything committed, %,.0f msg/s",
                outcome.pipelineTime().toMillis() / 1000.0, outcome.messagesPerSecond());
        console.line("  job           %15.1f s  submitted → finished, %,.0f msg/s",
                outcome.jobTime().toMillis() / 1000.0, outcome.jobMessagesPerSecond());
        console.line("  wall          %15.1f s  including start-up and verification", outcome.wallTime().toMillis() / 1000.0);
        for (String problem : outcome.problems()) {
            console.line("  FAIL: %s", problem);
        }
        for (String failed : report.failedChecks()) {
            if (outcome.passed()) {
                console.line("  FAIL: %s", failed);
            }
        }
        console.line(verdictLine(outcome, report.passed()));
    }

    private static void printFaults(Console console, RunOutcome outcome) {
        long taskRestartingFaults = outcome.faults().stream()
                .filter(f -> f.injected() && f.planned().kind().restartsTasks()).count();
        console.line("  faults        %,15d injected of %d planned; %d restart tasks, Flink restarted %d subtask(s)%s",
                outcome.injectedFaults(), outcome.faults().size(), taskRestartingFaults, outcome.flinkTaskRestarts(),
                restartsAgree(taskRestartingFaults, outcome.flinkTaskRestarts()));
        int number = 0;
        for (FaultRecord fault : outcome.faults()) {
            number++;
            if (fault.injected()) {
                console.line("    %2d %-22s %s", number, fault.planned(), ClockFormat.line(fault.clock().orElseThrow()));
            } else {
                console.line("    %2d %-22s not injected: %s", number, fault.planned(), fault.notInjected().orElse("?"));
            }
        }
        for (RecoverySummary summary : RecoverySummary.of(outcome.faults())) {
            console.line("  recovery      %-16s %d injected, %d recovered, p50 %s, max %s", summary.kind(),
                    summary.injected(), summary.recoveredMillis().size(), ClockFormat.seconds(summary.p50()),
                    ClockFormat.seconds(summary.max()));
        }
    }

    /** Flink counts subtask restarts; with one subtask per TaskManager each task fault restarts one subtask. */
    private static String restartsAgree(long ours, long flinks) {
        if (flinks < 0) {
            return " (Flink's count unavailable)";
        }
        return flinks == ours ? " (agree)" : " (differ: a fault can restart several subtasks, or none)";
    }
}
