package dev.ack.reference.wakers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The book's delay server, small enough for tests: {@code GET /<ms>/<message>} is answered after
 * {@code ms} milliseconds with {@code message} as the body, then the connection is closed.
 */
public final class DelayServer implements AutoCloseable {
    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public DelayServer() throws IOException {
        Thread.ofPlatform().daemon().name("delay-server").start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The paths requested so far, in arrival order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        try {
            while (true) {
                Socket connection = listener.accept();
                Thread.ofPlatform().daemon().start(() -> answer(connection));
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            var reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
            String path = reader.readLine().split(" ")[1];
            requests.add(path);
            String[] parts = path.split("/", 3);
            Thread.sleep(Long.parseLong(parts[1]));
            byte[] body = parts[2].getBytes(StandardCharsets.UTF_8);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
        } catch (IOException | InterruptedException e) {
            // the test ended first
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
