package dev.ack.reference.runtime;

/**
 * Which implementation the coroutines and wakers areas run: the correct one, or one with a single
 * deliberate defect. The two areas share one switch because the wakers area runs the same coroutines.
 *
 * <p>The known-bad variants are <b>wrong on purpose</b>, to prove that the conformance suite catches
 * these bugs. Each defect lives at the line it changes, behind a check of this enum.
 */
public enum Variant {
    /** The correct implementation. */
    REFERENCE("reference"),
    /** The executor does not wait for wakes: with nothing ready it polls every task again, woken or not. */
    BUSY_EXECUTOR("busy-executor"),
    /** The reactor and the manual leaves keep the first waker they were given instead of the most recent. */
    FIRST_WAKER("first-waker"),
    /** A coroutine polled after Ready returns Ready again instead of failing with PolledAfterReady. */
    POLL_AFTER_READY("poll-after-ready");

    private final String wireName;

    Variant(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on command lines and in adapter names, e.g. {@code busy-executor}. */
    public String wireName() {
        return wireName;
    }
}
