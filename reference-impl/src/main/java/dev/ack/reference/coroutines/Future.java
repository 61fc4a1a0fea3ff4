package dev.ack.reference.coroutines;


/**
 * Something that produces a value of type {@code T} when polled often enough: the book's
 * {@code Future} trait. Creating one does nothing; each {@link #poll} does as much work as it can
 * without blocking. Before it returns {@link PollState.Pending} it arranges for {@code waker} to be
 * called once polling again can make progress (chapter 8); chapter 7's callers pass
 * {@link Waker#noop()} and decide themselves when to poll again.
 *
 * @param <T> the type of the value
 */
public interface Future<T> {
    /**
     * Does what can be done now.
     *
     * @param waker what to call once another poll can make progress
     * @return Ready with the value, or Pending
     */
    PollState<T> poll(Waker waker);
}
