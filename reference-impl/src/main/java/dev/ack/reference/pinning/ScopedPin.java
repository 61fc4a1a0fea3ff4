package dev.ack.reference.pinning;

/**
 * A pin that ends with its scope ({@code try}-with-resources), the book's stack pinning: after
 * {@link #close()} the value may be moved again, and a self-reference set while it was pinned breaks.
 *
 * @param <T> the type of the value
 */
public final class ScopedPin<T extends NativeValue> extends Pin<T> implements AutoCloseable {
    ScopedPin(T value) {
        super(value);
    }

    /** Ends the scope: the value is not pinned any more. */
    @Override
    public void close() {
        get().pin(false);
    }
}
