package dev.ack.reference.eventqueue;

import dev.ack.reference.eventqueue.EventQueueException.Reason;
import dev.ack.reference.eventqueue.sys.Epoll;
import dev.ack.reference.eventqueue.sys.Fd;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds sources to a poll's interest list, changes and removes them. Safe to use from another thread
 * while one thread blocks in {@link Poll#poll}: epoll_ctl on an epoll fd that is being waited on is
 * how the kernel means it to be used, and a new ready source ends the wait.
 *
 * <p>The registry keeps no table of its own: epoll already knows what is registered, and its answers
 * (EEXIST, ENOENT, EBADF) become {@link Reason#ALREADY_REGISTERED}, {@link Reason#NOT_REGISTERED} and
 * {@link Reason#INVALID_ARGUMENT}.
 */
public final class Registry {
    private final Variant variant;
    private final List<Waker> wakers = new ArrayList<>();
    /** -1 once closed, so that late calls fail with EBADF instead of reaching a reused fd number. */
    private volatile int epfd;

    Registry(int epfd, Variant variant) {
        this.epfd = epfd;
        this.variant = variant;
    }

    /** Starts watching {@code source}; its events will carry {@code token}. */
    public void register(Source source, Token token, Interest interests, Mode mode) throws EventQueueException {
        Epoll.add(epfd, source.rawFd(), flags(interests, mode), data(token));
    }

    /** Replaces token, interests and mode of a registered source, and re-arms it if it is oneshot. */
    public void reregister(Source source, Token token, Interest interests, Mode mode) throws EventQueueException {
        Epoll.modify(epfd, source.rawFd(), flags(interests, mode), data(token));
    }

    /** Stops watching {@code source}; events of it already waiting in the ready list are dropped. */
    public void deregister(Source source) throws EventQueueException {
        Epoll.delete(epfd, source.rawFd());
    }

    private int flags(Interest interests, Mode mode) throws EventQueueException {
        if (interests.isEmpty()) throw new EventQueueException(Reason.INVALID_ARGUMENT, "interests must not be empty");
        // Known-bad LEVEL_FOR_EDGE: the edge-triggered flag is dropped.
        boolean edge = mode.trigger() == Trigger.EDGE && variant != Variant.LEVEL_FOR_EDGE;
        return Epoll.flags(interests.readable(), interests.writable(), edge, mode.oneshot());
    }

    private long data(Token token) {
        // Known-bad TOKEN_TRUNCATED: the high 32 bits are lost on the way into epoll.
        return variant == Variant.TOKEN_TRUNCATED ? token.value() & 0xFFFF_FFFFL : token.value();
    }

    /**
     * Registers a waker's eventfd, edge-triggered, so each wake is reported once without anyone having
     * to read the eventfd, and keeps the waker so that closing the poll closes it too.
     */
    synchronized void registerWaker(Waker waker, int eventFd, Token token) throws EventQueueException {
        int readableEdgeTriggered = Epoll.flags(true, false, true, false); // not flags(): no variant touches this
        Epoll.add(epfd, eventFd, readableEdgeTriggered, data(token));
        wakers.add(waker);
    }

    Variant variant() {
        return variant;
    }

    int epfd() {
        return epfd;
    }

    synchronized void close() {
        if (epfd < 0) return;
        // Known-bad LEAKY_CLOSE: forgets the descriptors without closing them.
        if (variant != Variant.LEAKY_CLOSE) {
            wakers.forEach(Waker::close);
            Fd.close(epfd);
        }
        wakers.clear();
        epfd = -1;
    }
}
