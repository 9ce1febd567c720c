package io.streamstress.kafka.broker;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Kafka from ending this JVM while the thread that opened the guard starts a broker. Kafka's controller
 * hands every start-up failure (a taken port among them) to its start-up fault handler, which is fatal: it
 * calls {@link Exit#halt(int)}, and the stress process would end with exit code 1, no verdict and no clean-up.
 * While a guard is open, a halt or exit asked for by a guarded thread is logged and not carried out; the
 * controller then shuts itself down and its {@code startup()} throws the failure to the caller, who can retry.
 * Halts and exits from other threads go through as Kafka's defaults would.
 *
 * <p>{@link Exit} keeps one procedure for the whole JVM and cannot say which was set before: the guard sets
 * its own while any guard is open and resets Kafka's defaults when the last one closes.
 */
final class StartupHaltGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartupHaltGuard.class);
    private static final Set<Thread> GUARDED = new HashSet<>();

    private final Thread thread;

    private StartupHaltGuard(Thread thread) {
        this.thread = thread;
    }

    /** Guards the calling thread until {@link #close()}. */
    static StartupHaltGuard open() {
        Thread current = Thread.currentThread();
        synchronized (GUARDED) {
            if (GUARDED.isEmpty()) {
                Exit.setHaltProcedure((code, message) -> terminate(true, code, message));
                Exit.setExitProcedure((code, message) -> terminate(false, code, message));
            }
            GUARDED.add(current);
        }
        return new StartupHaltGuard(current);
    }

    @Override
    public void close() {
        synchronized (GUARDED) {
            if (GUARDED.remove(thread) && GUARDED.isEmpty()) {
                Exit.resetHaltProcedure();
                Exit.resetExitProcedure();
            }
        }
    }

    private static void terminate(boolean halt, int code, String message) {
        boolean guarded;
        synchronized (GUARDED) {
            guarded = GUARDED.contains(Thread.currentThread());
        }
        if (guarded) {
            LOG.warn("Kafka asked to {} the JVM with status {} while the embedded broker started{}: not done, the "
                    + "start fails instead", halt ? "halt" : "exit", code, message == null ? "" : " (" + message + ")");
        } else if (halt) {
            Runtime.getRuntime().halt(code);
        } else {
            System.exit(code);
        }
    }
}
