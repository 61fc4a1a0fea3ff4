package dev.ack.reference.eventqueue;

/**
 * Which implementation a {@link Poll} is: the correct one, or one with a single deliberate defect.
 *
 * <p>The known-bad variants are <b>wrong on purpose</b>. They exist only to prove that the conformance
 * suite catches these bugs: run against a variant, the suite must fail the rules the defect breaks.
 * Each defect lives at the one line of the event queue it changes, behind a check of this enum.
 */
public enum Variant {
    /** The correct implementation. */
    REFERENCE("reference"),
    /** Accepts edge-triggered registrations but registers them level-triggered. */
    LEVEL_FOR_EDGE("level-for-edge"),
    /** Appends each poll's events after the previous ones (until full) instead of replacing them. */
    APPEND_EVENTS("append-events"),
    /** Keeps only the low 32 bits of every token. */
    TOKEN_TRUNCATED("token-truncated"),
    /** {@link Waker#wake()} does nothing. */
    LOST_WAKE("lost-wake"),
    /** {@link Poll#close()} closes neither the epoll fd nor the wakers' eventfds. */
    LEAKY_CLOSE("leaky-close");

    private final String wireName;

    Variant(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on command lines and in adapter names, e.g. {@code level-for-edge}. */
    public String wireName() {
        return wireName;
    }
}
