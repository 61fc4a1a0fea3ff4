package dev.ack.reference.eventqueue;

import dev.ack.reference.eventqueue.EventQueueException.Reason;
import dev.ack.reference.eventqueue.sys.EpollEvents;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The events of the last poll, at most {@link #capacity()} of them: each poll replaces the previous
 * contents. The native buffer and one {@link Event} view per slot are made once, here, and reused by
 * every poll. Not for concurrent use: one thread polls into it and reads it.
 */
public class Events implements Iterable<Event> {
    private final EpollEvents buffer;
    private final Event[] views;
    private int size;

    /**
     * An empty collection for up to {@code capacity} events per poll; epoll needs room for at least one.
     *
     * @param capacity how many events one poll may put in at most
     * @throws EventQueueException {@code INVALID_ARGUMENT} for a capacity below 1
     */
    protected Events(int capacity) throws EventQueueException {
        if (capacity < 1) {
            throw new EventQueueException(Reason.INVALID_ARGUMENT, "capacity must be at least 1, not " + capacity);
        }
        this.buffer = new EpollEvents(capacity);
        this.views = new Event[capacity];
        for (int slot = 0; slot < capacity; slot++) views[slot] = new Event(buffer, slot);
    }

    /**
     * A collection for up to {@code capacity} events per poll; epoll needs room for at least one.
     *
     * @param capacity how many events one poll may put in at most
     * @return the empty collection
     * @throws EventQueueException {@code INVALID_ARGUMENT} for a capacity below 1
     */
    public static Events withCapacity(int capacity) throws EventQueueException {
        return new Events(capacity);
    }

    /**
     * How many events one poll may put in at most.
     *
     * @return the capacity
     */
    public int capacity() {
        return views.length;
    }

    /**
     * How many events the collection holds.
     *
     * @return the number of events
     */
    public int size() {
        return size;
    }

    /**
     * Whether the collection holds no events, as after a poll that timed out.
     *
     * @return whether it is empty
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Forgets the events it holds; {@link Poll#poll} does so before it puts in the new ones. */
    public void clear() {
        size = 0;
    }

    /** The events of the last poll; each is a view, valid until the next poll into this collection. */
    @Override
    public Iterator<Event> iterator() {
        return Arrays.asList(views).subList(0, size).iterator();
    }

    EpollEvents buffer() {
        return buffer;
    }

    /** Called by {@link Poll} after epoll_wait wrote the slots up to {@code size}. */
    void setSize(int size) {
        this.size = size;
    }
}
