package dev.ack.reference.coroutines;

import java.util.function.Consumer;

/**
 * A future that is Pending once and Ready (with {@code ""}) at its next poll, whoever woke it: the
 * shape of Rust's {@code yield_now}. Its first poll hands the waker it was given to {@code arrange},
 * which decides who calls it and when: the poll itself ({@code yield_now}), or another thread the
 * moment the executor goes to sleep ({@code yield_until_sleep}).
 */
final class PendingOnce implements Future<String> {
    private final Consumer<Waker> arrange;
    private boolean polled;

    /** @param arrange what the first poll does with its waker, before it returns Pending */
    PendingOnce(Consumer<Waker> arrange) {
        this.arrange = arrange;
    }

    @Override
    public PollState<String> poll(Waker waker) {
        if (polled) return PollState.ready("");
        polled = true;
        arrange.accept(waker);
        return PollState.pending();
    }
}
