package dev.ack.reference.wakers;

/** A reactor was started while one runs: the book's {@code Reactor already running}. */
public final class AlreadyRunningException extends IllegalStateException {
    AlreadyRunningException() {
        super("a reactor is already running");
    }
}
