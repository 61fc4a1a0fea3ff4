package dev.ack.reference.eventqueue;

import dev.ack.reference.eventqueue.sys.Epoll;
import dev.ack.reference.eventqueue.sys.EpollEvents;

/**
 * One readiness event: a view of one slot of an {@link Events} buffer. Reading it decodes the native
 * struct on the spot, so polling creates no objects; in exchange a view shows whatever the slot holds
 * now, and the next poll overwrites it (in mio the borrow checker says the same thing).
 */
public final class Event {
    private final EpollEvents buffer;
    private final int slot;

    Event(EpollEvents buffer, int slot) {
        this.buffer = buffer;
        this.slot = slot;
    }

    /**
     * The token of the registration this event is of: the one it was registered, or last reregistered, with.
     *
     * @return the token
     */
    public Token token() {
        return new Token(buffer.data(slot));
    }

    /**
     * There is data to read, or end of file.
     *
     * @return whether the source is readable
     */
    public boolean isReadable() {
        return Epoll.isReadable(buffer.events(slot));
    }

    /**
     * There is room to write.
     *
     * @return whether the source is writable
     */
    public boolean isWritable() {
        return Epoll.isWritable(buffer.events(slot));
    }

    /**
     * The peer will send nothing more: a read now returns what is left, then end of file.
     *
     * @return whether the reading side is closed
     */
    public boolean isReadClosed() {
        return Epoll.isReadClosed(buffer.events(slot));
    }

    /**
     * Nothing more can be written: the connection is gone, or writing failed.
     *
     * @return whether the writing side is closed
     */
    public boolean isWriteClosed() {
        return Epoll.isWriteClosed(buffer.events(slot));
    }

    /**
     * The source has an error pending.
     *
     * @return whether it has
     */
    public boolean isError() {
        return Epoll.isError(buffer.events(slot));
    }

    @Override
    public String toString() {
        return "Event[token=" + token().value() + ", readable=" + isReadable() + ", writable=" + isWritable()
                + ", readClosed=" + isReadClosed() + ", writeClosed=" + isWriteClosed() + ", error=" + isError() + "]";
    }
}
