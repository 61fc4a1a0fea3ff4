package dev.ack.reference.eventqueue;

import dev.ack.reference.eventqueue.sys.EventFd;
import dev.ack.reference.eventqueue.sys.Fd;

/**
 * Wakes a poll from another thread: {@link #wake()} makes the poll report an event with this waker's
 * token, ending a blocking wait. Built on an eventfd registered with the poll; the poll owns it and
 * closes it when the poll closes.
 */
public class Waker {
    /** -1 once the poll closed it. */
    private volatile int fd;

    /** A waker of the poll that {@code registry} belongs to; its wakes are events with {@code token}. */
    public Waker(Registry registry, Token token) throws EventQueueException {
        this.fd = EventFd.create();
        try {
            registry.registerWaker(this, fd, token);
        } catch (EventQueueException e) {
            Fd.close(fd);
            throw e;
        }
    }

    /** Safe from any thread; wakes that happen before the poll looks are reported together, once. */
    public void wake() throws EventQueueException {
        EventFd.increment(fd);
    }

    void close() {
        Fd.close(fd);
        fd = -1;
    }
}
