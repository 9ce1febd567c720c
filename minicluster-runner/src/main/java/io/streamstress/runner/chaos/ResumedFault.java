package io.streamstress.runner.chaos;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process-kill a resumed run is recovering from: which fault of the plan it was and when the previous
 * process was killed.
 *
 * @param index the fault's position in the plan
 * @param t0Millis when the previous process was killed
 */
public record ResumedFault(int index, long t0Millis) {

    private static final Pattern FORM = Pattern.compile("(\\d+)@(\\d+)");

    /** Parses {@code index@t0Millis}, as the supervisor passes it. */
    public static ResumedFault parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--resumed-fault takes index@epochMillis, was '" + text + "'");
        }
        return new ResumedFault(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
    }
}
