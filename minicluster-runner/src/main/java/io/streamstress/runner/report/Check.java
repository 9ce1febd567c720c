package io.streamstress.runner.report;

/**
 * One "Then" of a scenario: what is checked, the figure measured, and, when there is one, the threshold and
 * whether the figure met it. A check without a threshold reports its figure without judging it.
 *
 * @param text what is checked
 * @param measured the measured figure, as shown
 * @param threshold what it must meet, or null when the check only reports
 * @param passed whether it met the threshold, or null when there is none
 */
public record Check(String text, String measured, String threshold, Boolean passed) {

    static Check judged(String text, Object measured, String threshold, boolean passed) {
        return new Check(text, String.valueOf(measured), threshold, passed);
    }

    static Check reported(String text, Object measured) {
        return new Check(text, String.valueOf(measured), null, null);
    }

    boolean failed() {
        return Boolean.FALSE.equals(passed);
    }
}
