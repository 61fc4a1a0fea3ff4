package dev.ack.reference.coroutines;

/**
 * What a future is given with each poll, to call once polling it again can make progress: the book's
 * chapter 8 {@code Waker}, as the futures see it. Whoever polls decides what a wake does (chapter 8's
 * executor puts the task back into its ready queue), so a future needs to know nothing about
 * executors. Chapter 7 has no wakers: its callers pass {@link #noop()} and decide themselves when to
 * poll again.
 */
public interface Waker {
    /** Asks for another poll of the task this waker was given to. Safe from any thread; does not block. */
    void wake();

    /**
     * A waker that wakes nothing: for polls outside an executor (chapter 7; chapter 9's detached poll).
     *
     * @return the waker that wakes nothing
     */
    static Waker noop() {
        return () -> {};
    }
}
