package io.streamstress.chaos.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain blocking TCP echo server on 127.0.0.1 (one thread a connection) that counts what it received:
 * bytes, lines (requests end with a newline) and how its connections ended (reset, or a clean end).
 */
final class TestingEchoServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong linesReceived = new AtomicLong();
    private final AtomicLong bytesEchoed = new AtomicLong();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();
    private final AtomicInteger cleanEnds = new AtomicInteger();

    private TestingEchoServer(ServerSocket server) {
        this.server = server;
    }

    static TestingEchoServer start() throws IOException {
        TestingEchoServer echo = new TestingEchoServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        daemon("echo-accept", echo::acceptLoop);
        return echo;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    long bytesReceived() {
        return bytesReceived.get();
    }

    /** Bytes written back and flushed. */
    long bytesEchoed() {
        return bytesEchoed.get();
    }

    long linesReceived() {
        return linesReceived.get();
    }

    int connectionsAccepted() {
        return accepted.get();
    }

    /** Connections that ended with "Connection reset" (the peer sent RST). */
    int connectionsReset() {
        return resets.get();
    }

    /** Connections that ended with end of stream (the peer sent FIN). */
    int connectionsEndedCleanly() {
        return cleanEnds.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                accepted.incrementAndGet();
                daemon("echo-" + socket.getPort(), () -> echo(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void echo(Socket socket) {
        byte[] buffer = new byte[8192];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytesReceived.addAndGet(n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        linesReceived.incrementAndGet();
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
                bytesEchoed.addAndGet(n);
            }
            cleanEnds.incrementAndGet();
        } catch (SocketException e) {
            if (String.valueOf(e.getMessage()).contains("Connection reset")) {
                resets.incrementAndGet();
            }
        } catch (IOException e) {
            // closed by close()
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
