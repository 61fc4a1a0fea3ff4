package dev.ack.reference.runtime;

/**
 * What an executor reports as it goes: the book's status lines and a little more (spec/protocol.md §7
 * trace entries). Methods are called on the executor's thread, except {@link #woken}, which is called
 * on the thread that calls the waker.
 */
public interface ExecutorTrace {
    /** Reports nothing. */
    ExecutorTrace NONE = new ExecutorTrace() {};

    default void spawned(int task) {}

    default void polled(int task) {}

    default void finished(int task) {}

    default void woken(int task) {}

    /** No task is ready and the executor is about to sleep, with {@code pending} unfinished tasks. */
    default void sleeping(int pending) {}

    default void allFinished() {}
}
