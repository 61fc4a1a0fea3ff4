package dev.ack.reference.wakers;

/** Something that needs a reactor or an executor was used where none runs: the book's {@code Called outside an runtime context}. */
public final class NotInitialisedException extends IllegalStateException {
    /**
     * The failure of a use where nothing runs.
     *
     * @param message what needed what
     */
    public NotInitialisedException(String message) {
        super(message);
    }
}
