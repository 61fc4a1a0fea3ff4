package dev.ack.reference.wakers;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.TcpStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The book's {@code Http::get} leaf: {@code GET path} to the delay server on 127.0.0.1. Lazy:
 * creating it sends nothing. The first poll connects (a blocking connect, as the book's), sends the
 * request and returns Pending without reading. Later polls read what has arrived without blocking;
 * once the server closed the connection it is Ready with the response's body.
 *
 * <p>Chapter 7's leaf ({@link #polledByCaller}) leaves it to the caller to poll again. Chapter 8's
 * ({@link #wokenByReactor}) registers its stream with the {@link Reactor}, which calls the waker of
 * the most recent poll when data arrives, and deregisters at the end. Event queue failures are
 * thrown as {@link UncheckedIOException}s with the {@link EventQueueException} as cause. It lives
 * with the reactor, though chapter 7 uses it too: the coroutines package knows nothing of reactors.
 */
public final class HttpGet implements Future<String>, AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final int READ_SIZE = 4096;

    private final int port;
    private final String path;
    /** Finds the reactor at the first poll; null for chapter 7's leaf, which has none. */
    private final Supplier<Reactor> reactors;
    private final int readSize;
    private final ByteArrayOutputStream response = new ByteArrayOutputStream();
    private TcpStream stream;
    /** Chapter 8: the reactor that watches the stream, and the stream's token there. */
    private Reactor reactor;
    private long token;

    private HttpGet(int port, String path, Supplier<Reactor> reactors, int readSize) {
        this.port = port;
        this.path = path;
        this.reactors = reactors;
        this.readSize = readSize;
    }

    /**
     * Chapter 7's leaf: nothing watches the socket between polls; every poll just tries to read.
     *
     * @param port the delay server's port on 127.0.0.1
     * @param path what to get, {@code /<delay ms>/<message>}
     * @return the leaf, which has sent nothing yet
     */
    public static HttpGet polledByCaller(int port, String path) {
        return new HttpGet(port, path, null, READ_SIZE);
    }

    /**
     * Chapter 8's leaf: the running reactor wakes the task; polling fails with NotInitialised when none runs.
     *
     * @param port the delay server's port on 127.0.0.1
     * @param path what to get, {@code /<delay ms>/<message>}
     * @return the leaf, which has sent nothing yet
     */
    public static HttpGet wokenByReactor(int port, String path) {
        return wokenBy(Reactor::current, READ_SIZE, port, path);
    }

    /**
     * A leaf woken by the reactor that {@code reactor} gives at its first poll (chapter 10: the
     * process's, or another runtime's), reading at most {@code readSize} bytes at a time.
     *
     * @param reactor finds the reactor at the first poll, before anything is sent; throws what the
     *        leaf's first poll should throw when there is none
     * @param readSize the size of the read buffer: the book's chapter 10 leaf reads 147 bytes at a time
     * @param port the delay server's port on 127.0.0.1
     * @param path what to get, {@code /<delay ms>/<message>}
     * @return the leaf, which has sent nothing yet
     */
    public static HttpGet wokenBy(Supplier<Reactor> reactor, int readSize, int port, String path) {
        return new HttpGet(port, path, reactor, readSize);
    }

    @Override
    public PollState<String> poll(Waker waker) {
        try {
            if (stream == null) {
                start(waker);
                return PollState.pending();
            }
            // Before reading: data that arrives after the read finds this poll's waker, not an older one.
            if (reactor != null) reactor.setWaker(waker, token);
            if (!readAvailable()) return PollState.pending();
            if (reactor != null) reactor.deregister(stream, token);
            close();
            return PollState.ready(body());
        } catch (EventQueueException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start(Waker waker) throws EventQueueException {
        if (reactors != null) reactor = reactors.get(); // before anything is sent: no reactor, no request
        stream = TcpStream.connect(new InetSocketAddress(HOST, port));
        send(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (reactor != null) {
            token = reactor.nextToken();
            // The waker first: an event that came between register and setWaker would find no waker.
            reactor.setWaker(waker, token);
            reactor.register(stream, token);
        }
    }

    /** A request this small goes in one write, but a write may take less. */
    private void send(byte[] request) throws EventQueueException {
        int sent = 0;
        while (sent < request.length) {
            byte[] rest = Arrays.copyOfRange(request, sent, request.length);
            sent += stream.write(rest);
        }
    }

    /** Reads until nothing more is there; true at end of stream. */
    private boolean readAvailable() throws EventQueueException {
        byte[] buffer = new byte[readSize];
        while (true) {
            int count;
            try {
                count = stream.read(buffer);
            } catch (EventQueueException e) {
                if (e.reason() == EventQueueException.Reason.WOULD_BLOCK) return false;
                throw e;
            }
            if (count == 0) return true;
            response.write(buffer, 0, count);
        }
    }

    /** The response after the blank line that ends its headers. */
    private String body() {
        String text = response.toString(StandardCharsets.UTF_8);
        int headersEnd = text.indexOf("\r\n\r\n");
        return headersEnd < 0 ? "" : text.substring(headersEnd + 4);
    }

    /** Closes the connection, if it is open; closing also removes it from the reactor's event queue. */
    @Override
    public void close() {
        if (stream != null) stream.close();
    }
}
