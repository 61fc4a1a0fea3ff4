package dev.ack.reference.runtime;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.wakers.HttpGet;
import dev.ack.reference.wakers.Reactor;
import java.util.function.Supplier;

/**
 * The book's chapter 10 {@code Http::get} leaf: chapter 8's {@link HttpGet}, woken by a reactor, that
 * reads {@value #READ_SIZE} bytes at a time, as the book's does, so a response usually arrives in
 * several reads and must still complete once, with the whole body. The reactor keeps the runtime's
 * waker of the leaf's most recent poll and wakes it by reference, as often as data arrives.
 */
public final class Http implements Future<String>, AutoCloseable {
    /** The size of the book's read buffer. */
    public static final int READ_SIZE = 147;

    private final HttpGet request;

    private Http(HttpGet request) {
        this.request = request;
    }

    /**
     * {@code GET path} to the delay server on 127.0.0.1, woken by the runtime's reactor; its first poll
     * fails with {@link dev.ack.reference.wakers.NotInitialisedException} when no runtime runs.
     *
     * @param port the delay server's port
     * @param path {@code /<delay ms>/<message>}
     * @return the leaf, which has sent nothing yet
     */
    public static Http get(int port, String path) {
        return on(Reactor::current, port, path);
    }

    /**
     * The same request, woken by the reactor {@code reactor} finds at the first poll.
     *
     * @param reactor finds the reactor; throws what the first poll should throw when there is none
     * @param port the delay server's port
     * @param path {@code /<delay ms>/<message>}
     * @return the leaf, which has sent nothing yet
     */
    static Http on(Supplier<Reactor> reactor, int port, String path) {
        return new Http(HttpGet.wokenBy(reactor, READ_SIZE, port, path));
    }

    /**
     * Reads what has arrived; the reactor is given a waker that wakes this poll's by reference.
     *
     * @param waker the runtime's waker of this poll
     * @return Ready with the body once the server closed the connection, else Pending
     */
    @Override
    public PollState<String> poll(Waker waker) {
        return request.poll(RuntimeWaker.of(waker)::wakeByRef);
    }

    /** Closes the connection, if it is open. */
    @Override
    public void close() {
        request.close();
    }
}
