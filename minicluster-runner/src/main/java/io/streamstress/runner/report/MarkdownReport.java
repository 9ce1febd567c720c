package io.streamstress.runner.report;

import io.streamstress.redis.verify.Verification;
import io.streamstress.runner.chaos.ClockFormat;
import io.streamstress.runner.chaos.FaultRecord;
import io.streamstress.runner.observe.LatencySummary;
import io.streamstress.runner.run.Recording;
import io.streamstress.runner.run.RunOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;

/**
 * {@code stress-report.md}: the verdict, the Given/When/Then scenarios, the faults, latency, load per
 * TaskManager and the verification.
 */
final class MarkdownReport {

    private MarkdownReport() {}

    static void write(Report report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    private static void latencyRow(StringBuilder md, String what, LatencySummary l) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", what, l.count(), l.p50(),
                l.p90(), l.p99(), l.p999(), l.max()));
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
        md.append("## Latency (ms)\n\n| measured | count | p50 | p90 | p99 | p99.9 | max |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        Recording recording = outcome.recording();
        latencyRow(md, "processing (produce → sink)", recording.processingLatency());
        latencyRow(md, "commit (produce → committed in Redis)", recording.commitLatency());
        if (recording.scheduled()) {
            latencyRow(md, "processing from the intended send time", recording.processingLatencyFromIntended());
            latencyRow(md, "commit from the intended send time", recording.commitLatencyFromIntended());
        }
        md.append("\n## Records per TaskManager\n\n| TaskManager | records |\n| --- | --- |\n");
        new TreeMap<>(recording.processedPerTaskManager()).forEach((tm, count) ->
                md.append("| ").append(tm).append(" | ").append(count).append(" |\n"));
        md.append('\n');
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
