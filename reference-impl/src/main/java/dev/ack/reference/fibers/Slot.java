package dev.ack.reference.fibers;

/**
 * One entry of the runtime's fixed table, the book's {@code Thread}: a state, the stack budget of the
 * context in it, and for slots 1.. the fiber itself. The base context's slot holds no fiber: its
 * stack is the thread's own.
 */
final class Slot {
    private State state = State.AVAILABLE;
    private StackBudget stack;
    private Fiber fiber;

    /** The base context's slot: running, on the thread's own stack. */
    static Slot base(long stackSize) {
        Slot slot = new Slot();
        slot.state = State.RUNNING;
        slot.stack = new StackBudget(stackSize);
        return slot;
    }

    State state() {
        return state;
    }

    StackBudget stack() {
        return stack;
    }

    Fiber fiber() {
        return fiber;
    }

    /** Takes a new fiber on a fresh stack; it is made ready by the caller, and not run. */
    void take(Fiber fiber, long stackSize) {
        this.fiber = fiber;
        this.stack = new StackBudget(stackSize);
    }

    void ready() {
        state = State.READY;
    }

    void running() {
        state = State.RUNNING;
    }

    /** The fiber ended: the slot is free for the next spawn. */
    void free() {
        state = State.AVAILABLE;
        fiber = null;
        stack = null;
    }
}
