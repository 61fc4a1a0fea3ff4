package dev.ack.reference.runtime;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.fibers.Fiber;
import java.util.function.Supplier;

/**
 * A future whose body is ordinary sequential code: the Java reference's {@code async fn}. Java has no
 * async/await, so where the Rust compiler turns an {@code async fn} into a state machine, this runs
 * the body on a {@link Fiber}, a stack of its own. The body calls {@link #await} on the futures it
 * needs; a poll resumes the body, which runs until an await finds its future Pending and suspends the
 * fiber: the poll returns Pending. The next poll resumes the body right there, with every local as it
 * was, and the await polls its future again.
 *
 * <p>The fiber's stack is the future's state. Nothing ever moves it, so a reference the body takes to
 * one of its own locals stays good across every await: the task is pinned from its first poll until
 * it is dropped, without any {@code Pin} to say so. Bodies nest: an await of another async body
 * resumes that one's fiber inside this one's, with this poll's waker.
 *
 * @param <T> the type of the body's value
 */
public final class Async<T> implements Future<T> {
    /** The body running on this thread now, the innermost one: whose waker an await hands on. */
    private static final ThreadLocal<Async<?>> RUNNING = new ThreadLocal<>();

    private final Fiber fiber;
    /** The waker of the poll running the body now: the Rust {@code Context} an await passes on. */
    private Waker waker;
    private T value;

    /**
     * A future that runs {@code body} when first polled; creating it runs nothing.
     *
     * @param body the sequential code, which may {@link #await}
     */
    public Async(Supplier<T> body) {
        this.fiber = new Fiber(() -> value = body.get());
    }

    /**
     * Resumes the body until it awaits a Pending future or returns. What the body throws comes out here.
     *
     * @param waker what the futures the body awaits now are to call once it can go on
     * @return Ready with the body's value once it has returned, else Pending
     * @throws IllegalStateException when polled again after it was Ready
     */
    @Override
    public PollState<T> poll(Waker waker) {
        if (fiber.isDone()) throw new IllegalStateException("polled an async body that has returned");
        this.waker = waker;
        Async<?> outer = RUNNING.get();
        RUNNING.set(this);
        try {
            fiber.resume();
        } finally {
            RUNNING.set(outer);
        }
        return fiber.isDone() ? PollState.ready(value) : PollState.pending();
    }

    /**
     * Waits for {@code future} inside an async body: polls it with the waker of the body's current
     * poll and, while it is Pending, suspends the body until the next poll, which polls it again.
     *
     * @param future what to wait for; the body may not hand it anywhere else while it waits
     * @param <V> the type of its value
     * @return its value
     * @throws IllegalStateException outside an async body
     */
    public static <V> V await(Future<V> future) {
        Async<?> self = RUNNING.get();
        if (self == null) throw new IllegalStateException("await is only possible inside an async body");
        while (true) {
            if (future.poll(self.waker) instanceof PollState.Ready<V>(V value)) return value;
            Fiber.suspend(); // resumed by the next poll, which has set self.waker to its own
        }
    }
}
