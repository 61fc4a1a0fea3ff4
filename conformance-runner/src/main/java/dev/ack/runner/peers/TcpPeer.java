package dev.ack.runner.peers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The runner's end of one source: a listener on loopback that accepts the adapter's connection, then
 * sends text and closes when the scenario says so. Delayed sends run on a timer thread, because the
 * runner's own thread is blocked waiting for the reply to a poll at that moment.
 */
public final class TcpPeer implements AutoCloseable {
    private final ServerSocket listener;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tcp-peer-timer").daemon().factory());
    private Socket connection;
    private IOException delayedFailure;

    private TcpPeer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Listens on 127.0.0.1 on a free port. */
    public static TcpPeer listen() throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        return new TcpPeer(listener);
    }

    public String host() { return listener.getInetAddress().getHostAddress(); }

    public int port() { return listener.getLocalPort(); }

    /** The port of the adapter's end of the connection, once accepted. */
    public synchronized int remotePort() throws IOException { return connected().getPort(); }

    /** Accepts the one connection this peer serves; the listener is closed afterwards. */
    public void accept(Duration timeout) throws IOException {
        listener.setSoTimeout(Math.toIntExact(Math.max(1, timeout.toMillis())));
        try {
            Socket accepted = listener.accept();
            accepted.setTcpNoDelay(true);
            synchronized (this) { connection = accepted; }
        } catch (SocketTimeoutException e) {
            throw new IOException("no connection to " + host() + ":" + port() + " within " + timeout.toMillis() + " ms", e);
        } finally {
            listener.close();
        }
    }

    public synchronized void send(String text) throws IOException {
        OutputStream out = connected().getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends {@code text} after {@code delay} on the timer thread; a failure is kept for {@link #delayedFailure()}. */
    public void sendAfter(Duration delay, String text) {
        long now = System.nanoTime();
        DeliberateWaits.ofThisScenario().waited(now, now + delay.toNanos());
        timer.schedule(() -> {
            try {
                send(text);
            } catch (IOException e) {
                synchronized (this) { delayedFailure = e; }
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Why a delayed send failed, if one did: the scenario would otherwise only see a missing event. */
    public synchronized Optional<IOException> delayedFailure() { return Optional.ofNullable(delayedFailure); }

    /**
     * Resets the connection: closed with a zero linger time, the runner's end sends RST instead of FIN,
     * so the adapter's source has an error pending ({@code ECONNRESET}) and both directions closed.
     */
    public synchronized void reset() throws IOException {
        Socket socket = connected();
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Closes the connection (the adapter's source reaches end of stream), the listener and the timer. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            listener.close();
            synchronized (this) {
                if (connection != null) connection.close();
            }
        } catch (IOException ignored) {
            // closing is best effort: the sockets are gone either way
        }
    }

    private Socket connected() throws IOException {
        if (connection == null) throw new IOException("the adapter has not connected to " + host() + ":" + port());
        return connection;
    }
}
