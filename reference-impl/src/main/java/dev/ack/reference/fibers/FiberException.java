package dev.ack.reference.fibers;

/** A failed runtime operation, with the reason a caller can act on. */
public final class FiberException extends Exception {

    /** Why an operation failed, in the words of the conformance protocol. */
    public enum Reason {
        /** Every fiber slot is taken (the book panics: {@code no available thread.}). */
        NO_FREE_SLOT,
        /** A context used up its stack budget. */
        STACK_OVERFLOW,
        /** Yield or spawn where no runtime was initialised on this thread. */
        NOT_INITIALISED,
        /** A runtime of fewer than one slot, or a stack size below one byte. */
        INVALID_ARGUMENT
    }

    private final Reason reason;

    /**
     * A failure for {@code reason}.
     *
     * @param reason what the caller can act on
     * @param message what failed
     */
    public FiberException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Why the operation failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
