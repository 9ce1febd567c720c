package io.streamstress.runner.report;

import java.util.List;

/**
 * A Given/When/Then scenario of the report; every Then is a measured {@link Check}.
 *
 * @param name the scenario
 * @param given the setting
 * @param when what happened
 * @param then the checks
 */
public record Scenario(String name, String given, String when, List<Check> then) {

    public Scenario {
        then = List.copyOf(then);
    }

    /** Passed unless one of its judged checks failed. */
    public boolean passed() {
        return then.stream().noneMatch(Check::failed);
    }
}
