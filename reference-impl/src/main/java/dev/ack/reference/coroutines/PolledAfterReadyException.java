package dev.ack.reference.coroutines;

/** A coroutine was polled again after it returned Ready: the book's {@code Polled a resolved future} panic. */
public final class PolledAfterReadyException extends IllegalStateException {
    PolledAfterReadyException() {
        super("polled a resolved coroutine");
    }
}
