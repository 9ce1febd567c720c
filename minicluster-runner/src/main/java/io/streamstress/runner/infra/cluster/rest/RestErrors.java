package io.streamstress.runner.infra.cluster.rest;

import java.util.List;

/** The part of a failed REST call's exception that tells a user something. */
final class RestErrors {

    /** How Flink's REST client begins the server's stack trace inside its exception's message. */
    static final String SERVER_SIDE = "<Exception on server side:";
    private static final String CAUSED_BY = "Caused by: ";

    private RestErrors() {}

    /**
     * The root cause's message (its class name when it has none), one line: for an error the server sent back,
     * the deepest cause of the server's stack trace, which is what went wrong there.
     */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        int serverSide = message.indexOf(SERVER_SIDE);
        if (serverSide >= 0) {
            List<String> lines = message.substring(serverSide + SERVER_SIDE.length()).strip().lines().toList();
            List<String> causes = lines.stream().filter(line -> line.startsWith(CAUSED_BY)).toList();
            if (!causes.isEmpty()) {
                return causes.get(causes.size() - 1).substring(CAUSED_BY.length());
            }
            if (!lines.isEmpty()) {
                return lines.get(0);
            }
        }
        return message.lines().findFirst().orElse(message);
    }
}
