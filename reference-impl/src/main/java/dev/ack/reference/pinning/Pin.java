package dev.ack.reference.pinning;

/**
 * A pinned value: while it lasts, the value refuses to be moved, swapped or have its pinned part replaced
 * if it is {@link NotMovable} (Rust refuses these at compile time; Java's types cannot, so the value
 * refuses them at run time). A heap pin ({@link #boxed}, the book's {@code Box::pin}) lasts until the
 * value is dropped; a {@link ScopedPin} until its scope ends.
 *
 * @param <T> the type of the value
 */
public class Pin<T extends NativeValue> {
    private final T value;

    Pin(T value) {
        this.value = value;
        value.pin(true);
    }

    /**
     * Pins {@code value} where it is until it is dropped: its block is its box.
     *
     * @param value the value
     * @param <T>   its type
     * @return the pin
     */
    public static <T extends NativeValue> Pin<T> boxed(T value) {
        return new Pin<>(value);
    }

    /**
     * Pins {@code value} until the scope of the returned pin ends (the book's stack pinning).
     *
     * @param value the value
     * @param <T>   its type
     * @return the pin, to close at the end of its scope
     */
    public static <T extends NativeValue> ScopedPin<T> scoped(T value) {
        return new ScopedPin<>(value);
    }

    /** {@return the pinned value, to read it and change it in place} */
    public T get() {
        return value;
    }

    /**
     * The escape hatch: moves the value even though it is pinned (Rust's {@code unsafe}
     * {@code get_unchecked_mut} followed by a move). Whatever points into the value now points at its stale copy.
     *
     * @return the value's new address
     */
    public long unsafeMoveUnchecked() {
        return value.relocate();
    }
}
