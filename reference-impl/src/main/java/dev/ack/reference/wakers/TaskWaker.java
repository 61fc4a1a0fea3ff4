package dev.ack.reference.wakers;

import dev.ack.reference.coroutines.Waker;

/**
 * The executor's waker, the one the book's chapter 8 builds: wakes one task of one executor by putting
 * its id into the executor's ready queue and unparking the executor, from any thread (the reactor's,
 * the request thread, the executor's own). It carries what it needs to reach its executor, so whoever
 * holds it needs to know nothing about executors. Immutable, so sharing a reference is the book's
 * {@code clone}.
 *
 * <p>The book unparks the executor on every wake. This one unparks it only when its push found the
 * ready queue empty: an executor parks only after it found the queue empty, so while the queue holds
 * an id it either has not parked yet, and will pop that id first, or the wake that made the queue
 * non-empty has unparked it already. 100,000 tasks woken at once then cost one unpark, not 100,000.
 */
final class TaskWaker implements Waker {
    private final ReadyQueue readyQueue;
    private final Parker parker;
    private final int task;
    private final ExecutorTrace trace;

    TaskWaker(ReadyQueue readyQueue, Parker parker, int task, ExecutorTrace trace) {
        this.readyQueue = readyQueue;
        this.parker = parker;
        this.task = task;
        this.trace = trace;
    }

    @Override
    public void wake() {
        trace.woken(task);
        // first the id, then the unpark: the executor that wakes up must find it
        if (readyQueue.push(task)) parker.unpark();
    }
}
