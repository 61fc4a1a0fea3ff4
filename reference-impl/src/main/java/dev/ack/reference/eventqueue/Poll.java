package dev.ack.reference.eventqueue;

import dev.ack.reference.eventqueue.EventQueueException.Reason;
import dev.ack.reference.eventqueue.sys.Epoll;
import java.time.Duration;

/**
 * The event queue: one epoll instance. Sources are registered through its {@link #registry()}, from
 * any thread; one thread at a time calls {@link #poll} to wait for events. Closing it releases the
 * epoll fd and the eventfds of its wakers.
 *
 * <p>A subclass may bring a {@link Registry} of its own, one that turns registrations into epoll's
 * differently ({@link #Poll(Registry)}).
 */
public class Poll implements AutoCloseable {
    private final Registry registry;

    /**
     * A new event queue, with an epoll instance of its own.
     *
     * @throws EventQueueException when the process or the system is out of descriptors
     */
    public Poll() throws EventQueueException {
        this(new Registry());
    }

    /**
     * A poll whose sources are registered through {@code registry}.
     *
     * @param registry a new registry, of a subclass: this poll owns it and closes it
     */
    protected Poll(Registry registry) {
        this.registry = registry;
    }

    /**
     * Where sources are registered with this poll, from any thread.
     *
     * @return the poll's registry
     */
    public Registry registry() {
        return registry;
    }

    /**
     * Waits for events and puts them into {@code events}, replacing what it held. {@code timeout} null
     * waits until something is ready (or a waker wakes), zero does not block. Ends with no events when
     * the time ran out. As mio's: {@code events} is cleared, then the new events are put after what it
     * holds.
     *
     * @param events where the events go
     * @param timeout how long to wait at most; null for no limit
     * @throws EventQueueException {@code INVALID_ARGUMENT} for a negative timeout or a closed poll
     */
    public void poll(Events events, Duration timeout) throws EventQueueException {
        events.clear();
        int count = Epoll.wait(registry.epfd(), events.buffer(), events.size(), milliseconds(timeout));
        events.setSize(events.size() + count);
    }

    /** epoll_wait's timeout: -1 for none; rounded up, so that a timeout under 1 ms still waits. */
    private static int milliseconds(Duration timeout) throws EventQueueException {
        if (timeout == null) return -1;
        if (timeout.isNegative()) throw new EventQueueException(Reason.INVALID_ARGUMENT, "negative timeout " + timeout);
        long millis = timeout.toMillis() + (timeout.toNanosPart() % 1_000_000 == 0 ? 0 : 1);
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }

    /** Releases the epoll fd and every waker's eventfd. Registered sources stay open: they are the caller's. */
    @Override
    public void close() {
        registry.close();
    }
}
