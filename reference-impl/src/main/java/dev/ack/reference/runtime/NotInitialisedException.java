package dev.ack.reference.runtime;

/** Something that needs a reactor or an executor was used where none runs: the book's {@code Called outside an runtime context}. */
public final class NotInitialisedException extends IllegalStateException {
    public NotInitialisedException(String message) {
        super(message);
    }
}
