package io.streamstress.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kafka's halts while an embedded node starts or runs, carried out by a recording halter instead of the JVM's. */
class StartupHaltGuardTest {

    private final List<Integer> halted = new CopyOnWriteArrayList<>();
    private final List<String> toldBefore = new CopyOnWriteArrayList<>();
    private IntConsumer realHalter;
    private IntConsumer realExiter;

    @BeforeEach
    void recordHalts() {
        realHalter = StartupHaltGuard.halter;
        realExiter = StartupHaltGuard.exiter;
        StartupHaltGuard.halter = halted::add;
        StartupHaltGuard.exiter = code -> halted.add(-code);
        FatalHalt.beforeHalt(toldBefore::add);
    }

    @AfterEach
    void restore() {
        StartupHaltGuard.halter = realHalter;
        StartupHaltGuard.exiter = realExiter;
        FatalHalt.beforeHalt(reason -> { });
    }

    @Test
    void aFatalHaltWhileANodeRunsTellsWhyFirstThenHalts() throws Exception {
        // Given a node running (no start in progress)
        StartupHaltGuard.nodeStarted();
        try {
            // When Kafka's fault handler halts from one of the node's threads
            Thread faulting = new Thread(() -> Exit.halt(1, "Error starting LogManager"), "kafka-3-metadata-loader");
            faulting.start();
            faulting.join();

            // Then the action ran first with the reason, and the halt was carried out with Kafka's status
            assertThat(toldBefore).as("told before the halt").singleElement().asString()
                    .contains("an embedded Kafka broker hit a fatal error", "halt, status 1",
                            "thread kafka-3-metadata-loader", "Error starting LogManager");
            assertThat(halted).as("halts carried out").containsExactly(1);
        } finally {
            StartupHaltGuard.nodeStopped();
        }
    }

    @Test
    void aHaltAskedForByTheThreadStartingANodeIsNotCarriedOut() {
        // Given a start in progress on this thread
        try (StartupHaltGuard guard = StartupHaltGuard.open()) {
            // When Kafka halts from it (a taken port, say)
            Exit.halt(1, "bind failed");
        }

        // Then nothing was halted, and nothing told: the start fails instead
        assertThat(halted).as("halts carried out").isEmpty();
        assertThat(toldBefore).as("told").isEmpty();
    }
}
