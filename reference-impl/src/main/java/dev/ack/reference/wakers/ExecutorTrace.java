package dev.ack.reference.wakers;

/**
 * What an executor reports as it goes: the book's status lines and a little more (spec/protocol.md §7
 * trace entries). Methods are called on the executor's thread, except {@link #woken}, which is called
 * on the thread that calls the waker.
 */
public interface ExecutorTrace {
    /** Reports nothing. */
    ExecutorTrace NONE = new ExecutorTrace() {};

    /**
     * A task was added, by {@code block_on} or a spawn.
     *
     * @param task its id
     */
    default void spawned(int task) {}

    /**
     * A task is about to be polled.
     *
     * @param task its id
     */
    default void polled(int task) {}

    /**
     * A task's poll returned Ready; the task is dropped.
     *
     * @param task its id
     */
    default void finished(int task) {}

    /**
     * A waker of the task was called, on the calling thread.
     *
     * @param task its id
     */
    default void woken(int task) {}

    /**
     * No task is ready and the executor is about to sleep.
     *
     * @param pending how many of its tasks are unfinished
     */
    default void sleeping(int pending) {}

    /** Every task has finished: {@code block_on} returns. */
    default void allFinished() {}
}
