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

    public Token token() {
        return new Token(buffer.data(slot));
    }

    public boolean isReadable() {
        return Epoll.isReadable(buffer.events(slot));
    }

    public boolean isWritable() {
        return Epoll.isWritable(buffer.events(slot));
    }

    /** The peer will send nothing more: a read now returns what is left, then end of file. */
    public boolean isReadClosed() {
        return Epoll.isReadClosed(buffer.events(slot));
    }

    public boolean isWriteClosed() {
        return Epoll.isWriteClosed(buffer.events(slot));
    }

    public boolean isError() {
        return Epoll.isError(buffer.events(slot));
    }

    @Override
    public String toString() {
        return "Event[token=" + token().value() + ", readable=" + isReadable() + ", writable=" + isWritable()
                + ", readClosed=" + isReadClosed() + ", writeClosed=" + isWriteClosed() + ", error=" + isError() + "]";
    }
}
