package dev.ack.reference.runtime;

/**
 * Wakes one task of one executor: puts its id into the executor's ready queue and unparks the
 * executor, from any thread (the reactor's, the request thread, the executor's own). Like the
 * book's waker it carries what it needs to reach its executor, so whoever holds it needs to know
 * nothing about executors. Immutable, so sharing a reference is the book's {@code clone}.
 */
public final class Waker {
    private static final Waker NOOP = new Waker(null, null, -1, ExecutorTrace.NONE);

    private final ReadyQueue readyQueue;
    private final Parker parker;
    private final int task;
    private final ExecutorTrace trace;

    Waker(ReadyQueue readyQueue, Parker parker, int task, ExecutorTrace trace) {
        this.readyQueue = readyQueue;
        this.parker = parker;
        this.task = task;
        this.trace = trace;
    }

    /** A waker that wakes nothing: for polls outside an executor (chapter 7; chapter 9's detached poll). */
    public static Waker noop() {
        return NOOP;
    }

    public void wake() {
        if (this == NOOP) return;
        trace.woken(task);
        readyQueue.push(task); // first the id, then the unpark: the executor that wakes up must find it
        parker.unpark();
    }
}
