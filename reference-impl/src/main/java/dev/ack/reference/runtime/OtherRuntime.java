package dev.ack.reference.runtime;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.wakers.NotInitialisedException;
import dev.ack.reference.wakers.Reactor;

/**
 * Another runtime beside ours, with a reactor of its own on its own thread: the book's tokio, whose
 * reqwest futures only work inside tokio's context. Its leaves ({@link #get}) find it through a
 * per-thread context, not through anything a future is given: polled where no code has entered the
 * context, such a leaf fails with {@link NotInitialisedException}, clearly and at once. Polled inside
 * it ({@link #inContext}), it registers with this runtime's reactor, which wakes our task through the
 * standard waker like any other: our executor runs it unchanged.
 */
public final class OtherRuntime implements AutoCloseable {
    /** The other runtime whose context the code running on this thread is in, if any. */
    private static final ThreadLocal<OtherRuntime> CONTEXT = new ThreadLocal<>();

    private final Reactor reactor;

    private OtherRuntime(Reactor reactor) {
        this.reactor = reactor;
    }

    /**
     * Starts another runtime, with a reactor of its own.
     *
     * @return the running runtime
     * @throws EventQueueException when its event queue cannot be made
     */
    public static OtherRuntime start() throws EventQueueException {
        return new OtherRuntime(Reactor.startAlone());
    }

    /**
     * An http leaf bound to whichever other runtime's context its first poll runs in.
     *
     * @param port the delay server's port
     * @param path {@code /<delay ms>/<message>}
     * @return the leaf, which has sent nothing yet
     */
    public static Http get(int port, String path) {
        return Http.on(OtherRuntime::currentReactor, port, path);
    }

    /**
     * {@code future}, polled inside this runtime's context: the book's {@code let _guard = rt.enter()}
     * held across the await. The context is entered for each poll and left after it, so it never leaks
     * into another task the executor polls on the same thread.
     *
     * @param future a future that may need this runtime's context
     * @param <T> the type of its value
     * @return the future, polled inside the context
     */
    public <T> Future<T> inContext(Future<T> future) {
        return waker -> {
            OtherRuntime outer = CONTEXT.get();
            CONTEXT.set(this);
            try {
                return future.poll(waker);
            } finally {
                CONTEXT.set(outer);
            }
        };
    }

    /** Stops its reactor. */
    @Override
    public void close() throws EventQueueException {
        reactor.close();
    }

    private static Reactor currentReactor() {
        OtherRuntime runtime = CONTEXT.get();
        if (runtime == null) {
            throw new NotInitialisedException("this leaf is bound to the other runtime: it must be polled inside that runtime's context");
        }
        return runtime.reactor;
    }
}
