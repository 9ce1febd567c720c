package io.streamstress.chaos.proxy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension (register it with {@code @RegisterExtension}) that gives each test an echo server, a
 * proxy in front of it and clients through the proxy, and closes them all after the test.
 */
final class ProxyFixture implements BeforeEachCallback, AfterEachCallback {

    private final List<TestingClient> clients = new ArrayList<>();
    private TestingEchoServer echo;
    private FaultProxy proxy;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        echo = TestingEchoServer.start();
        proxy = FaultProxy.start("echo", echo.address());
    }

    TestingEchoServer echo() {
        return echo;
    }

    FaultProxy proxy() {
        return proxy;
    }

    /** A new client connected through the proxy. */
    TestingClient client() throws IOException {
        TestingClient client = TestingClient.connect(proxy.address());
        clients.add(client);
        return client;
    }

    /** Waits (up to 5 s) until the condition holds, else fails saying what did not happen. */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TestingClient.PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + TestingClient.PATIENCE + ": " + what);
            }
            Thread.sleep(Duration.ofMillis(10).toMillis());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        for (TestingClient client : clients) {
            client.close();
        }
        clients.clear();
        if (proxy != null) {
            proxy.close();
        }
        if (echo != null) {
            echo.close();
        }
    }
}
