package dev.ack.reference.runtime;

import dev.ack.reference.coroutines.Waker;

/**
 * The runtime's waker, which every future of a task is polled with: what the standard
 * {@code std::task::Waker} is to the book's chapter 10. It wakes its task through the chapter 8
 * executor's own waker: the task's id goes into that executor's ready queue and the executor is
 * unparked, from any thread.
 *
 * <p>It is woken two ways, as Rust's is. {@link #wake()} is by value: whoever calls it gives the waker
 * up (Rust's {@code Waker::wake(self)} consumes it; Java cannot enforce that, so it is a rule for the
 * caller). {@link #wakeByRef()} is by reference: whoever keeps the waker, as the reactor does for each
 * registration, wakes through it and keeps it for the next time. Either wakes the task exactly once
 * more. Sharing a reference is the book's {@code clone}: the waker is immutable.
 */
public class RuntimeWaker implements Waker {
    private final Waker task;

    /**
     * The runtime's waker for a poll of a task.
     *
     * @param task the executor's waker of the task, the one the executor gave the poll
     */
    public RuntimeWaker(Waker task) {
        this.task = task;
    }

    /**
     * The waker a task's future was polled with, as the runtime's waker: every future of a task is.
     *
     * @param waker a waker given to a future's poll
     * @return the same waker
     * @throws IllegalStateException when the future is polled by something other than the runtime
     */
    public static RuntimeWaker of(Waker waker) {
        if (waker instanceof RuntimeWaker runtimeWaker) return runtimeWaker;
        throw new IllegalStateException("this future runs only as part of a task of the runtime, polled with its waker");
    }

    /** Wakes the task by value: the caller gives this waker up. */
    @Override
    public void wake() {
        task.wake();
    }

    /** Wakes the task by reference: the caller keeps this waker and may wake it again. */
    public void wakeByRef() {
        task.wake();
    }
}
