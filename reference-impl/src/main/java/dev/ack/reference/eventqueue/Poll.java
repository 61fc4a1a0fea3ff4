package dev.ack.reference.eventqueue;

import dev.ack.reference.eventqueue.EventQueueException.Reason;
import dev.ack.reference.eventqueue.sys.Epoll;
import java.time.Duration;

/**
 * The event queue: one epoll instance. Sources are registered through its {@link #registry()}, from
 * any thread; one thread at a time calls {@link #poll} to wait for events. Closing it releases the
 * epoll fd and the eventfds of its wakers.
 */
public final class Poll implements AutoCloseable {
    private final Registry registry;

    public Poll() throws EventQueueException {
        this(Variant.REFERENCE);
    }

    /** A poll of the given variant; anything but {@link Variant#REFERENCE} is deliberately broken. */
    public Poll(Variant variant) throws EventQueueException {
        this.registry = new Registry(Epoll.create(), variant);
    }

    public Registry registry() {
        return registry;
    }

    /**
     * Waits for events and puts them into {@code events}, replacing what it held. {@code timeout} null
     * waits until something is ready (or a waker wakes), zero does not block. Ends with no events when
     * the time ran out.
     */
    public void poll(Events events, Duration timeout) throws EventQueueException {
        // Known-bad APPEND_EVENTS: writes after the previous events instead of over them (while there is room).
        boolean append = registry.variant() == Variant.APPEND_EVENTS && events.size() < events.capacity();
        int from = append ? events.size() : 0;
        int count = Epoll.wait(registry.epfd(), events.buffer(), from, milliseconds(timeout));
        events.setSize(from + count);
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
