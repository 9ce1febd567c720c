package io.streamstress.runner.observe;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Single-thread timers on daemon threads: watching must never keep the JVM alive. */
final class Daemons {

    private Daemons() {}

    static ScheduledExecutorService timer(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
