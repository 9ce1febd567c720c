package io.streamstress.chaos.proxy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A blocking client socket that sends text and reads an exact number of bytes back. */
final class TestingClient implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final Socket socket;

    private TestingClient(Socket socket) {
        this.socket = socket;
    }

    static TestingClient connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, (int) PATIENCE.toMillis());
        socket.setTcpNoDelay(true);
        return new TestingClient(socket);
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.US_ASCII));
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /**
     * Reads exactly {@code length} bytes.
     *
     * @throws java.net.SocketTimeoutException if nothing came for {@code timeout}
     * @throws EOFException if the stream ended cleanly (FIN) first
     */
    byte[] readBytes(int length, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream in = socket.getInputStream();
        byte[] bytes = new byte[length];
        int read = 0;
        while (read < length) {
            int n = in.read(bytes, read, length - read);
            if (n < 0) {
                throw new EOFException("end of stream after " + read + " of " + length + " bytes");
            }
            read += n;
        }
        return bytes;
    }

    String read(int length, Duration timeout) throws IOException {
        return new String(readBytes(length, timeout), StandardCharsets.US_ASCII);
    }

    String read(int length) throws IOException {
        return read(length, PATIENCE);
    }

    /** Sends a line and reads its echo. */
    String echo(String line) throws IOException {
        send(line);
        return read(line.length());
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
