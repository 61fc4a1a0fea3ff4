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
    private final boolean onReactor;
    private final ByteArrayOutputStream response = new ByteArrayOutputStream();
    private TcpStream stream;
    /** Chapter 8: the reactor that watches the stream, and the stream's token there. */
    private Reactor reactor;
    private long token;

    private HttpGet(int port, String path, boolean onReactor) {
        this.port = port;
        this.path = path;
        this.onReactor = onReactor;
    }

    /**
     * Chapter 7's leaf: nothing watches the socket between polls; every poll just tries to read.
     *
     * @param port the delay server's port on 127.0.0.1
     * @param path what to get, {@code /<delay ms>/<message>}
     * @return the leaf, which has sent nothing yet
     */
    public static HttpGet polledByCaller(int port, String path) {
        return new HttpGet(port, path, false);
    }

    /**
     * Chapter 8's leaf: the running reactor wakes the task; polling fails with NotInitialised when none runs.
     *
     * @param port the delay server's port on 127.0.0.1
     * @param path what to get, {@code /<delay ms>/<message>}
     * @return the leaf, which has sent nothing yet
     */
    public static HttpGet wokenByReactor(int port, String path) {
        return new HttpGet(port, path, true);
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
        if (onReactor) reactor = Reactor.current(); // before anything is sent: no reactor, no request
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
        byte[] buffer = new byte[READ_SIZE];
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
