package dev.ack.reference.fibers;

/**
 * The book's free functions {@code yield_thread()} and {@code Runtime::spawn}, over the thread's
 * current runtime, for tasks, which cannot throw checked exceptions: a failure fails the test.
 */
final class FreeFunctions {
    private FreeFunctions() {}

    static void yieldThread() {
        try {
            FiberRuntime.current().yieldNow();
        } catch (FiberException e) {
            throw new AssertionError(e);
        }
    }

    static int spawn(Runnable task) {
        try {
            return FiberRuntime.current().spawn(task);
        } catch (FiberException e) {
            throw new AssertionError(e);
        }
    }

    static int currentId() {
        try {
            return FiberRuntime.current().currentId();
        } catch (FiberException e) {
            throw new AssertionError(e);
        }
    }
}
