package io.streamstress.runner.report;

import io.streamstress.redis.verify.Verification;
import io.streamstress.runner.chaos.ClockFormat;
import io.streamstress.runner.chaos.FaultRecord;
import io.streamstress.runner.run.RunOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code stress-report.md}: the verdict, the Given/When/Then scenarios, the faults and the verification. */
final class MarkdownReport {

    private MarkdownReport() {}

    static void write(Report report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    static String render(Report report) {
        RunOutcome outcome = report.outcome();
        StringBuilder md = new StringBuilder();
        md.append("# streamstress report: ").append(report.passed() ? "PASS" : "FAIL").append("\n\n");
        md.append(String.format(Locale.ROOT, "Pipeline %.1f s (first send → everything committed), %,.0f msg/s; "
                + "wall %.1f s.%n%n", outcome.pipelineTime().toMillis() / 1000.0, outcome.messagesPerSecond(),
                outcome.wallTime().toMillis() / 1000.0));
        md.append("## Scenarios\n\n");
        for (Scenario scenario : report.scenarios()) {
            md.append("### ").append(scenario.passed() ? "PASS" : "FAIL").append(": ").append(scenario.name())
                    .append("\n\n");
            md.append("- **Given** ").append(scenario.given()).append('\n');
            md.append("- **When** ").append(scenario.when()).append('\n');
            for (Check check : scenario.then()) {
                md.append("- **Then** ").append(check.text()).append(": **").append(check.measured()).append("**");
                if (check.threshold() != null) {
                    md.append(" (expected ").append(check.threshold()).append(") ")
                            .append(Boolean.TRUE.equals(check.passed()) ? "PASS" : "FAIL");
                } else {
                    md.append(" (reported, not judged)");
                }
                md.append('\n');
            }
            md.append('\n');
        }
        if (!outcome.faults().isEmpty()) {
            md.append("## Faults\n\n| # | fault | result | recovery clocks |\n| --- | --- | --- | --- |\n");
            int number = 0;
            for (FaultRecord fault : outcome.faults()) {
                number++;
                md.append("| ").append(number).append(" | ").append(fault.planned()).append(" | ")
                        .append(fault.injection().map(i -> i.detail()).orElse("not injected: "
                                + fault.notInjected().orElse("?")).replace("|", "/"))
                        .append(" | ").append(fault.clock().map(ClockFormat::line).orElse("-")).append(" |\n");
            }
            md.append('\n');
        }
        Verification v = outcome.verification();
        md.append("## Verification\n\n| partition | produced | end offset | committed | lost | duplicated | poison |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        v.partitions().forEach(p -> md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d |%n",
                p.partition(), p.produced(), p.endOffset(), p.committed(), p.tiling().lost(), p.tiling().duplicated(),
                p.poisonCommitted())));
        md.append(String.format(Locale.ROOT, "| **total** | %d | %d | %d | %d | %d | %d |%n", v.produced(),
                v.endOffsets(), v.committed(), v.lost(), v.duplicated(), v.poison()));
        return md.toString();
    }
}
