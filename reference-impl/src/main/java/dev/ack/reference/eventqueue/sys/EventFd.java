package dev.ack.reference.eventqueue.sys;

import dev.ack.reference.eventqueue.EventQueueException;

/**
 * An eventfd: a kernel counter behind a file descriptor. Writing adds to it and makes the fd
 * readable, from any thread, which is what a waker needs to interrupt epoll_wait.
 */
public final class EventFd {
    private static final int EFD_NONBLOCK = 0x800;
    private static final int EFD_CLOEXEC = 0x80000;
    private static final long COUNTER_SIZE = Long.BYTES;

    private EventFd() {}

    /**
     * A new eventfd, non-blocking, so a full counter reports EAGAIN instead of blocking the waking thread.
     *
     * @return its descriptor
     * @throws EventQueueException when the process or the system is out of descriptors
     */
    public static int create() throws EventQueueException {
        int fd = LibC.eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (fd < 0) throw Errno.lastError("eventfd");
        return fd;
    }

    /**
     * Adds one to the counter. Nobody reads it while it is registered edge-triggered: each write is a
     * new edge. After 2^64 - 2 wakes the counter is full; then it is reset and written again, as mio does.
     *
     * @param fd the eventfd
     * @throws EventQueueException when {@code fd} is closed or not an eventfd
     */
    public static void increment(int fd) throws EventQueueException {
        long[] one = {1};
        if (LibC.write(fd, one, COUNTER_SIZE) >= 0) return;
        int errno = Errno.last();
        if (errno != Errno.EAGAIN) throw Errno.exception("write(eventfd " + fd + ")", errno);
        if (LibC.read(fd, new long[1], COUNTER_SIZE) < 0) throw Errno.lastError("read(eventfd " + fd + ")");
        if (LibC.write(fd, one, COUNTER_SIZE) < 0) throw Errno.lastError("write(eventfd " + fd + ")");
    }
}
