package dev.ack.reference.wakers;

import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.eventqueue.Event;
import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.Events;
import dev.ack.reference.eventqueue.Interest;
import dev.ack.reference.eventqueue.Mode;
import dev.ack.reference.eventqueue.Poll;
import dev.ack.reference.eventqueue.TcpStream;
import dev.ack.reference.eventqueue.Token;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The book's chapter 8 reactor: a thread that waits on the chapter 4 event queue and, for each
 * event, calls the waker kept for its token. Leaves register their streams with it and give it the
 * waker of every poll ({@link #setWaker} keeps the most recent). One runs per process at a time,
 * found through {@link #current()}, and serves every executor: the waker knows its executor, the
 * reactor does not need to.
 *
 * <p>A subclass may change which waker it keeps ({@link #setWaker}); it starts through
 * {@link #start(Reactor)}.
 */
public class Reactor implements AutoCloseable {
    private static final AtomicReference<Reactor> RUNNING = new AtomicReference<>();
    /** The token of the reactor's own waker, which ends the event loop; streams get tokens from 1 on, as the book's ids. */
    private static final Token STOP = new Token(0);
    private static final int EVENTS = 100;

    private final Poll poll;
    private final dev.ack.reference.eventqueue.Waker stopper;
    private final Map<Long, Waker> wakers = new ConcurrentHashMap<>();
    private final AtomicLong nextToken = new AtomicLong(1);
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A reactor that is not running yet: {@link #start(Reactor)} starts it.
     *
     * @throws EventQueueException when its event queue cannot be made
     */
    protected Reactor() throws EventQueueException {
        this.poll = new Poll();
        this.stopper = new dev.ack.reference.eventqueue.Waker(poll.registry(), STOP);
        this.thread = Thread.ofPlatform().name("reactor").daemon().unstarted(this::eventLoop);
    }

    /**
     * Starts the reactor of this process; {@link AlreadyRunningException} while one runs.
     *
     * @return the running reactor
     * @throws EventQueueException when its event queue cannot be made
     */
    public static Reactor start() throws EventQueueException {
        return start(new Reactor());
    }

    /**
     * Starts {@code reactor}, made by a subclass, as the reactor of this process; {@link AlreadyRunningException}
     * while one runs.
     *
     * @param reactor a new reactor
     * @return the same reactor, running
     */
    protected static Reactor start(Reactor reactor) {
        if (!RUNNING.compareAndSet(null, reactor)) {
            reactor.closed.set(true);
            reactor.poll.close();
            throw new AlreadyRunningException();
        }
        reactor.thread.start();
        return reactor;
    }

    /**
     * Starts a reactor of its own, not this process's: {@link #current()} does not find it, only code
     * handed it uses it. Chapter 10's other runtime has one, as tokio has its own beside the book's.
     *
     * @return the running reactor
     * @throws EventQueueException when its event queue cannot be made
     */
    public static Reactor startAlone() throws EventQueueException {
        Reactor reactor = new Reactor();
        reactor.thread.start();
        return reactor;
    }

    /**
     * The running reactor, as the book's {@code reactor()} finds it.
     *
     * @return the running reactor
     * @throws NotInitialisedException when none runs
     */
    public static Reactor current() {
        Reactor reactor = RUNNING.get();
        if (reactor == null) throw new NotInitialisedException("no reactor is running");
        return reactor;
    }

    /**
     * A token for a stream to register, the book's {@code next_id}: 1, 2, 3, ...
     *
     * @return a token no other stream of this reactor has
     */
    public long nextToken() {
        return nextToken.getAndIncrement();
    }

    /**
     * Watches {@code stream} for reading under {@code token}. Edge-triggered, as mio is: each arrival
     * of data wakes once, and the leaf reads until it would block before it returns Pending.
     *
     * @param stream the leaf's stream
     * @param token from {@link #nextToken}
     * @throws EventQueueException when the stream cannot be registered
     */
    public void register(TcpStream stream, long token) throws EventQueueException {
        poll.registry().register(stream, new Token(token), Interest.READABLE, Mode.EDGE);
    }

    /**
     * Keeps {@code waker} for {@code token}, replacing the one kept before: the most recent poll's waker wins.
     *
     * @param waker the waker of the leaf's latest poll
     * @param token the leaf's stream's token
     */
    public void setWaker(Waker waker, long token) {
        wakers.put(token, waker);
    }

    /**
     * Stops watching {@code stream} and drops the waker of {@code token}.
     *
     * @param stream a registered stream
     * @param token its token
     * @throws EventQueueException when the stream is not registered
     */
    public void deregister(TcpStream stream, long token) throws EventQueueException {
        wakers.remove(token);
        poll.registry().deregister(stream);
    }

    /** Stops the event loop, waits for its thread and releases the event queue; a new reactor may start after. */
    @Override
    public void close() throws EventQueueException {
        if (closed.getAndSet(true)) return;
        RUNNING.compareAndSet(this, null);
        stopper.wake();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing the poll below still ends the loop, with EBADF
        }
        poll.close();
    }

    private void eventLoop() {
        try {
            Events events = Events.withCapacity(EVENTS);
            while (true) {
                poll.poll(events, null);
                for (Event event : events) {
                    if (event.token().equals(STOP)) return;
                    Waker waker = wakers.get(event.token().value());
                    if (waker != null) waker.wake(); // none: the leaf finished and deregistered meanwhile
                }
            }
        } catch (EventQueueException e) {
            System.err.println("the reactor's event loop failed: " + e.getMessage());
        }
    }
}
