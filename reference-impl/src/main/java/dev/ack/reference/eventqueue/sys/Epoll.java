package dev.ack.reference.eventqueue.sys;

import dev.ack.reference.eventqueue.EventQueueException;
import java.util.concurrent.TimeUnit;

/**
 * The epoll system calls, and the meaning of epoll's event bits. An epoll instance is a file
 * descriptor holding an interest list (which descriptors, which events, what user data) and a ready
 * list that epoll_wait drains.
 */
public final class Epoll {
    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int EPOLL_CTL_MOD = 3;

    private static final int EPOLLIN = 0x001;
    private static final int EPOLLPRI = 0x002;
    private static final int EPOLLOUT = 0x004;
    private static final int EPOLLERR = 0x008;
    private static final int EPOLLHUP = 0x010;
    private static final int EPOLLRDHUP = 0x2000;
    private static final int EPOLLONESHOT = 1 << 30;
    private static final int EPOLLET = 1 << 31;

    private Epoll() {}

    /**
     * A new epoll instance; close-on-exec, so a child process (an adapter's peer) does not inherit it.
     *
     * @return the epoll instance's file descriptor
     * @throws EventQueueException when the process or the system is out of descriptors or memory
     */
    public static int create() throws EventQueueException {
        int epfd = LibC.epoll_create1(EPOLL_CLOEXEC);
        if (epfd < 0) throw Errno.lastError("epoll_create1");
        return epfd;
    }

    /**
     * The event bits for a registration.
     *
     * @param readable report data to read, and the peer's shutdown
     * @param writable report room to write
     * @param edgeTriggered report each change once (EPOLLET) rather than for as long as it holds
     * @param oneshot report one event, then nothing until the registration is modified (EPOLLONESHOT)
     * @return the bits for {@code epoll_event.events}
     */
    public static int flags(boolean readable, boolean writable, boolean edgeTriggered, boolean oneshot) {
        int flags = 0;
        // EPOLLRDHUP with reading, as mio does: the peer's shutdown is reported as read-closed.
        if (readable) flags |= EPOLLIN | EPOLLRDHUP;
        if (writable) flags |= EPOLLOUT;
        if (edgeTriggered) flags |= EPOLLET;
        if (oneshot) flags |= EPOLLONESHOT;
        return flags;
    }

    /**
     * Adds {@code fd} to the interest list (EPOLL_CTL_ADD).
     *
     * @param epfd the epoll instance
     * @param fd the descriptor to watch
     * @param flags what to report and how: {@link #flags}
     * @param data the user data every event of {@code fd} carries back
     * @throws EventQueueException {@code ALREADY_REGISTERED} when it is there already,
     *         {@code INVALID_ARGUMENT} for a bad descriptor
     */
    public static void add(int epfd, int fd, int flags, long data) throws EventQueueException {
        control(epfd, EPOLL_CTL_ADD, "ADD", fd, EpollEvents.single(flags, data));
    }

    /**
     * Replaces flags and data of a registered fd (EPOLL_CTL_MOD); this also re-arms a oneshot registration.
     *
     * @param epfd the epoll instance
     * @param fd the registered descriptor
     * @param flags what to report and how from now on: {@link #flags}
     * @param data the user data its events carry from now on
     * @throws EventQueueException {@code NOT_REGISTERED} when it is not in the interest list
     */
    public static void modify(int epfd, int fd, int flags, long data) throws EventQueueException {
        control(epfd, EPOLL_CTL_MOD, "MOD", fd, EpollEvents.single(flags, data));
    }

    /**
     * Removes {@code fd} from the interest list (EPOLL_CTL_DEL).
     *
     * @param epfd the epoll instance
     * @param fd the registered descriptor
     * @throws EventQueueException {@code NOT_REGISTERED} when it is not in the interest list
     */
    public static void delete(int epfd, int fd) throws EventQueueException {
        control(epfd, EPOLL_CTL_DEL, "DEL", fd, null);
    }

    private static void control(int epfd, int op, String opName, int fd, byte[] event) throws EventQueueException {
        if (LibC.epoll_ctl(epfd, op, fd, event) < 0) {
            throw Errno.lastError("epoll_ctl(" + opName + ", fd " + fd + ", epoll fd " + epfd + ")");
        }
    }

    /**
     * Waits until at least one registered fd is ready or {@code timeoutMs} passed (-1: no limit,
     * 0: do not block), writing into {@code events} from entry {@code from} on. Returns the number of
     * entries written, 0 when the time ran out.
     *
     * <p>A signal interrupts epoll_wait with EINTR before anything was ready; that is not the caller's
     * business, so it waits again for the time that is left.
     *
     * @param epfd the epoll instance
     * @param events the buffer to write into
     * @param from the first entry to write
     * @param timeoutMs how long to wait at most, in milliseconds
     * @return how many entries were written
     * @throws EventQueueException when the epoll instance is closed or bad
     */
    public static int wait(int epfd, EpollEvents events, int from, int timeoutMs) throws EventQueueException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        int remainingMs = timeoutMs;
        while (true) {
            int count = LibC.epoll_wait(epfd, events.at(from), events.capacity() - from, remainingMs);
            if (count >= 0) return count;
            int errno = Errno.last();
            if (errno != Errno.EINTR) throw Errno.exception("epoll_wait(epoll fd " + epfd + ")", errno);
            if (timeoutMs > 0) {
                remainingMs = (int) Math.max(0, Math.ceilDiv(deadline - System.nanoTime(), 1_000_000));
            }
        }
    }

    /**
     * Data (or urgent data) can be read.
     *
     * @param events the event bits of one event
     * @return whether they say so
     */
    public static boolean isReadable(int events) {
        return (events & (EPOLLIN | EPOLLPRI)) != 0;
    }

    /**
     * There is room to write.
     *
     * @param events the event bits of one event
     * @return whether they say so
     */
    public static boolean isWritable(int events) {
        return (events & EPOLLOUT) != 0;
    }

    /**
     * The peer shut down its writing side (EPOLLRDHUP), or the connection is gone altogether (EPOLLHUP).
     *
     * @param events the event bits of one event
     * @return whether they say so
     */
    public static boolean isReadClosed(int events) {
        return (events & EPOLLHUP) != 0 || (events & (EPOLLIN | EPOLLRDHUP)) == (EPOLLIN | EPOLLRDHUP);
    }

    /**
     * Nothing more can be written: the connection hung up, or writing failed (mio's reading of the bits).
     *
     * @param events the event bits of one event
     * @return whether they say so
     */
    public static boolean isWriteClosed(int events) {
        return (events & EPOLLHUP) != 0
                || (events & (EPOLLOUT | EPOLLERR)) == (EPOLLOUT | EPOLLERR)
                || events == EPOLLERR;
    }

    /**
     * The descriptor has an error pending (EPOLLERR).
     *
     * @param events the event bits of one event
     * @return whether they say so
     */
    public static boolean isError(int events) {
        return (events & EPOLLERR) != 0;
    }
}
