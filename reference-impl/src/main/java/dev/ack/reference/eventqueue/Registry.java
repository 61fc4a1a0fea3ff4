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
 *
 * <p>Two decisions are methods a subclass may change: the event bits a registration asks epoll for
 * ({@link #epollEvents}) and the user data its events carry ({@link #epollData}).
 */
public class Registry {
    private final List<Waker> wakers = new ArrayList<>();
    /** -1 once closed, so that late calls fail with EBADF instead of reaching a reused fd number. */
    private volatile int epfd;

    /**
     * A registry with a new epoll instance: a {@link Poll}'s, made by the poll or handed to it.
     *
     * @throws EventQueueException when the process or the system is out of descriptors
     */
    protected Registry() throws EventQueueException {
        this.epfd = Epoll.create();
    }

    /**
     * Starts watching {@code source}.
     *
     * @param source what to watch
     * @param token what its events carry
     * @param interests what to report
     * @param mode how to report it
     * @throws EventQueueException {@code ALREADY_REGISTERED}, or {@code INVALID_ARGUMENT} for a closed
     *         source, empty interests or a closed poll
     */
    public void register(Source source, Token token, Interest interests, Mode mode) throws EventQueueException {
        Epoll.add(epfd, source.rawFd(), epollEvents(interests, mode), epollData(token));
    }

    /**
     * Replaces token, interests and mode of a registered source, and re-arms it if it is oneshot.
     *
     * @param source a registered source
     * @param token what its events carry from now on
     * @param interests what to report from now on
     * @param mode how to report it from now on
     * @throws EventQueueException {@code NOT_REGISTERED}, or {@code INVALID_ARGUMENT} for empty interests
     */
    public void reregister(Source source, Token token, Interest interests, Mode mode) throws EventQueueException {
        Epoll.modify(epfd, source.rawFd(), epollEvents(interests, mode), epollData(token));
    }

    /**
     * Stops watching {@code source}; events of it already waiting in the ready list are dropped.
     *
     * @param source a registered source
     * @throws EventQueueException {@code NOT_REGISTERED} when it is not
     */
    public void deregister(Source source) throws EventQueueException {
        Epoll.delete(epfd, source.rawFd());
    }

    /**
     * The event bits a registration asks epoll for: what to report, and how (edge-triggered, oneshot).
     * Empty interests are rejected: epoll would accept them and report nothing but errors.
     *
     * @param interests what to report
     * @param mode how to report it
     * @return the bits for {@code epoll_event.events}
     * @throws EventQueueException {@code INVALID_ARGUMENT} for empty interests
     */
    protected int epollEvents(Interest interests, Mode mode) throws EventQueueException {
        if (interests.isEmpty()) throw new EventQueueException(Reason.INVALID_ARGUMENT, "interests must not be empty");
        return Epoll.flags(interests.readable(), interests.writable(), mode.trigger() == Trigger.EDGE, mode.oneshot());
    }

    /**
     * The 64 bits of user data epoll hands back with every event of a registration: all of the token.
     *
     * @param token the registration's token
     * @return the bits for {@code epoll_event.data}
     */
    protected long epollData(Token token) {
        return token.value();
    }

    /**
     * Registers a waker's eventfd, edge-triggered, so each wake is reported once without anyone having
     * to read the eventfd, and keeps the waker so that closing the poll closes it too.
     */
    synchronized void registerWaker(Waker waker, int eventFd, Token token) throws EventQueueException {
        Epoll.add(epfd, eventFd, Epoll.flags(true, false, true, false), epollData(token));
        wakers.add(waker);
    }

    int epfd() {
        return epfd;
    }

    synchronized void close() {
        if (epfd < 0) return;
        wakers.forEach(Waker::close);
        Fd.close(epfd);
        wakers.clear();
        epfd = -1;
    }
}
