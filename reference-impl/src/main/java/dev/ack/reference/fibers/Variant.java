package dev.ack.reference.fibers;

/**
 * Which implementation a {@link FiberRuntime} is: the correct one, or one with a single deliberate defect.
 *
 * <p>The known-bad variants are <b>wrong on purpose</b>. They exist only to prove that the conformance
 * suite catches these bugs: run against a variant, the suite must fail the rules the defect breaks.
 * Each defect lives at the one line it changes, behind a check of this enum.
 */
public enum Variant {
    /** The correct implementation. */
    REFERENCE("reference"),
    /** Switches to the context that became ready last, instead of the next one in round-robin order. */
    LIFO("fibers-lifo"),
    /** Forgets that the base context takes slot 0: a runtime of n slots holds n fibers, not n - 1. */
    NO_BASE_SLOT("fibers-no-base-slot"),
    /**
     * The adapter's program interpreter goes on after a yield with fresh locals, as if the switch had
     * not kept the fiber's stack.
     */
    LOSE_LOCAL("fibers-lose-local");

    private final String wireName;

    Variant(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on command lines and in adapter names, e.g. {@code fibers-lifo}. */
    public String wireName() {
        return wireName;
    }
}
