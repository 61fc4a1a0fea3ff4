package dev.ack.reference.coroutines;

/** What a poll returns: Ready with the value, or Pending (the book's {@code NotReady}), never both. */
public sealed interface PollState<T> {
    record Ready<T>(T value) implements PollState<T> {}

    record Pending<T>() implements PollState<T> {}

    static <T> PollState<T> ready(T value) {
        return new Ready<>(value);
    }

    static <T> PollState<T> pending() {
        return new Pending<>();
    }
}
