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

    /**
     * A waker of the poll that {@code registry} belongs to.
     *
     * @param registry the poll's registry
     * @param token the token of the events its wakes are reported as
     * @throws EventQueueException when no eventfd can be made, or the poll is closed
     */
    public Waker(Registry registry, Token token) throws EventQueueException {
        this.fd = EventFd.create();
        try {
            registry.registerWaker(this, fd, token);
        } catch (EventQueueException e) {
            Fd.close(fd);
            throw e;
        }
    }

    /**
     * Ends the poll's wait, or the next one's, with an event with this waker's token. Safe from any thread;
     * wakes that happen before the poll looks are reported together, once.
     *
     * @throws EventQueueException when the poll, and with it the waker, is closed
     */
    public void wake() throws EventQueueException {
        EventFd.increment(fd);
    }

    void close() {
        Fd.close(fd);
        fd = -1;
    }
}
