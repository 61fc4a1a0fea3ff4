package dev.ack.reference.fibers;

import dev.ack.reference.fibers.FiberException.Reason;

/**
 * A context's stack size, enforced by accounting. A continuation's frames sit on the thread's stack
 * while it runs and are copied to the heap when it yields, so the JVM sets no per-fiber limit. Code
 * on a fiber therefore declares each frame it pushes, and the push that would pass the size fails
 * with {@code STACK_OVERFLOW} before the frame is used: where the book's fiber would write below its
 * stack into someone else's memory, this one stops and the others go on.
 */
public final class StackBudget {
    private final long size;
    private long used;

    StackBudget(long size) {
        this.size = size;
    }

    /**
     * Declares a frame of {@code bytes}; fails, using nothing, when it does not fit.
     *
     * @param bytes the frame's size
     * @throws FiberException {@code STACK_OVERFLOW} when it does not fit
     */
    public void push(long bytes) throws FiberException {
        if (bytes > size - used) {
            throw new FiberException(Reason.STACK_OVERFLOW, "a frame of " + bytes + " bytes does not fit: "
                    + used + " of the stack's " + size + " bytes are in use");
        }
        used += bytes;
    }

    /**
     * Gives back a frame pushed before.
     *
     * @param bytes the size it was pushed with
     */
    public void pop(long bytes) {
        used -= bytes;
    }
}
