package io.streamstress.runner.report;

import io.streamstress.runner.config.StressConfig;
import io.streamstress.runner.run.RunOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's report: its scenarios and verdict. The verdict is PASS only when the run's own checks passed and
 * no judged scenario check failed.
 *
 * @param config what was asked
 * @param outcome what was measured
 * @param scenarios the Given/When/Then scenarios built from it
 */
public record Report(StressConfig config, RunOutcome outcome, List<Scenario> scenarios) {

    public Report {
        scenarios = List.copyOf(scenarios);
    }

    public static Report of(StressConfig config, RunOutcome outcome) {
        return new Report(config, outcome, Scenarios.of(config, outcome));
    }

    public boolean passed() {
        return outcome.passed() && scenarios.stream().allMatch(Scenario::passed);
    }

    /** The failed checks of the scenarios, one line each. */
    public List<String> failedChecks() {
        List<String> failed = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (Check check : scenario.then()) {
                if (check.failed()) {
                    failed.add(scenario.name() + ": " + check.text() + " (measured " + check.measured()
                            + ", expected " + check.threshold() + ")");
                }
            }
        }
        return failed;
    }
}
