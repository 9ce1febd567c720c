package io.streamstress.kafka.broker;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns Kafka's {@link Exit} procedures while an embedded node of this JVM starts or runs. Kafka hands a fatal error of
 * a node (a failed start, a log manager that cannot start after a restart) to a fault handler that ends the process:
 * {@link Exit#halt(int)}. In production that process is the broker's own; here it is the harness's.
 *
 * <ul>
 *   <li>While the thread that opened a guard starts a node, a halt or exit it asks for is logged and not carried
 *       out: the controller then shuts itself down and its {@code startup()} throws the failure to the caller, who
 *       can retry (a taken port among them).
 *   <li>Any other halt or exit while a node runs is carried out, after {@link FatalHalt#beforeHalt}'s action has
 *       run: the harness tells the user why it ends, and flushes its log (which holds Kafka's error), instead of
 *       vanishing with exit code 1 and nothing said.
 * </ul>
 *
 * <p>{@link Exit} keeps one procedure for the whole JVM and cannot say which was set before: these are set while any
 * guard is open or any node runs, and Kafka's defaults are reset when the last of them ends.
 */
final class StartupHaltGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartupHaltGuard.class);
    private static final Set<Thread> GUARDED = new HashSet<>();
    private static int running;
    /** What carries out a halt ({@code Runtime.halt}); a test replaces it. */
    static volatile IntConsumer halter = code -> Runtime.getRuntime().halt(code);
    /** What carries out an exit ({@code System.exit}); a test replaces it. */
    static volatile IntConsumer exiter = System::exit;

    private final Thread thread;

    private StartupHaltGuard(Thread thread) {
        this.thread = thread;
    }

    /** Guards the calling thread until {@link #close()}. */
    static StartupHaltGuard open() {
        Thread current = Thread.currentThread();
        synchronized (GUARDED) {
            install();
            GUARDED.add(current);
        }
        return new StartupHaltGuard(current);
    }

    /** A node of this JVM started: its fatal halts go through {@link FatalHalt#beforeHalt}'s action until it stops. */
    static void nodeStarted() {
        synchronized (GUARDED) {
            install();
            running++;
        }
    }

    /** A node that {@link #nodeStarted} stopped. */
    static void nodeStopped() {
        synchronized (GUARDED) {
            running = Math.max(0, running - 1);
            resetIfUnused();
        }
    }

    @Override
    public void close() {
        synchronized (GUARDED) {
            GUARDED.remove(thread);
            resetIfUnused();
        }
    }

    private static void install() {
        if (GUARDED.isEmpty() && running == 0) {
            Exit.setHaltProcedure((code, message) -> terminate(true, code, message));
            Exit.setExitProcedure((code, message) -> terminate(false, code, message));
        }
    }

    private static void resetIfUnused() {
        if (GUARDED.isEmpty() && running == 0) {
            Exit.resetHaltProcedure();
            Exit.resetExitProcedure();
        }
    }

    private static void terminate(boolean halt, int code, String message) {
        boolean guarded;
        synchronized (GUARDED) {
            guarded = GUARDED.contains(Thread.currentThread());
        }
        String what = halt ? "halt" : "exit";
        if (guarded) {
            LOG.warn("Kafka asked to {} the JVM with status {} while the embedded broker started{}: not done, the "
                    + "start fails instead", what, code, message == null ? "" : " (" + message + ")");
            return;
        }
        String reason = String.format("an embedded Kafka broker hit a fatal error and Kafka ends its process on one "
                + "(%s, status %d, thread %s%s): the run ends with it", what, code, Thread.currentThread().getName(),
                message == null ? "" : ", " + message);
        LOG.error("{}", reason);
        try {
            FatalHalt.runBeforeHalt(reason);
        } finally {
            (halt ? halter : exiter).accept(code);
        }
    }
}
