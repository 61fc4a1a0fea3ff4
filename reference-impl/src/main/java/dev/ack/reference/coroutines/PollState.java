package dev.ack.reference.coroutines;

/**
 * What a poll returns: Ready with the value, or Pending (the book's {@code NotReady}), never both.
 *
 * @param <T> the type of the value
 */
public sealed interface PollState<T> {
    /**
     * The future is done.
     *
     * @param value what it produced
     * @param <T> the type of the value
     */
    record Ready<T>(T value) implements PollState<T> {}

    /**
     * The future is not done; it has arranged for its waker to be called.
     *
     * @param <T> the type of the value it will produce
     */
    record Pending<T>() implements PollState<T> {
        /** The one {@link PollState#pending()} returns: it holds nothing, so a poll need not make a new one. */
        private static final Pending<?> INSTANCE = new Pending<>();
    }

    /**
     * Ready with {@code value}.
     *
     * @param value what the future produced
     * @param <T> the type of the value
     * @return the state
     */
    static <T> PollState<T> ready(T value) {
        return new Ready<>(value);
    }

    /**
     * Pending.
     *
     * @param <T> the type of the value the future will produce
     * @return the state
     */
    @SuppressWarnings("unchecked") // Pending holds no T, so one instance serves every type
    static <T> PollState<T> pending() {
        return (PollState<T>) Pending.INSTANCE;
    }
}
