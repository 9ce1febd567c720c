package io.streamstress.runner.infra.cluster.rest;

import java.util.ArrayList;
import java.util.List;

/**
 * The message of an exception history entry, from the stack trace the REST answer carries (it has no message
 * field): the top exception's message, then each cause's, so that what a fault left behind ("TaskManager with
 * id … is no longer reachable", "Heartbeat of TaskManager with id … timed out") is found wherever Flink wrapped it.
 */
final class FailureText {

    /** A cause chain longer than this is cut: the message is for matching and for people, not a stack trace. */
    static final int MAX_LENGTH = 2_000;

    private static final String CAUSED_BY = "Caused by: ";
    private static final String SEPARATOR = "; caused by ";

    private FailureText() {}

    /**
     * @param exceptionName the entry's exception class name
     * @param stacktrace its stack trace as Flink printed it (first line {@code name: message}), may be null
     */
    static String message(String exceptionName, String stacktrace) {
        if (stacktrace == null || stacktrace.isBlank()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        List<String> lines = stacktrace.lines().toList();
        parts.add(withoutName(lines.get(0).trim(), exceptionName));
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith(CAUSED_BY)) {
                parts.add(trimmed.substring(CAUSED_BY.length()));
            }
        }
        String text = String.join(SEPARATOR, parts);
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }

    private static String withoutName(String firstLine, String exceptionName) {
        if (exceptionName != null && firstLine.startsWith(exceptionName + ": ")) {
            return firstLine.substring(exceptionName.length() + 2);
        }
        return firstLine.equals(exceptionName) ? "" : firstLine;
    }
}
