package dev.ack.reference.runtime;

import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.wakers.Reactor;

/**
 * The runtime of this process, the book's {@code runtime::init}: it starts the reactor, on its own
 * thread, that every executor's http leaves register with. It is started once per process: a second
 * {@link #init()} while one runs fails with {@link dev.ack.reference.wakers.AlreadyRunningException}
 * and leaves the first as it was. {@link #close()} ends it; after that, {@code init} may start another.
 *
 * <p>The executors are the chapter 8 ones, one per thread that calls {@code block_on}; they need no
 * runtime to run tasks, only the http leaves need its reactor ({@link Http}).
 */
public final class Runtime implements AutoCloseable {
    private final Reactor reactor;

    private Runtime(Reactor reactor) {
        this.reactor = reactor;
    }

    /**
     * Starts the runtime of this process.
     *
     * @return the running runtime
     * @throws EventQueueException when the reactor's event queue cannot be made
     * @throws dev.ack.reference.wakers.AlreadyRunningException while a runtime (or chapter 8's reactor) runs
     */
    public static Runtime init() throws EventQueueException {
        return new Runtime(Reactor.start());
    }

    /**
     * Ends the runtime: stops its reactor, so that {@link #init()} may start a new one.
     *
     * @throws EventQueueException when the reactor's event queue fails as it closes
     */
    @Override
    public void close() throws EventQueueException {
        reactor.close();
    }
}
