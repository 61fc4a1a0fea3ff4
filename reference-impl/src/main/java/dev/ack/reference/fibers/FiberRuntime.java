package dev.ack.reference.fibers;

import dev.ack.reference.fibers.FiberException.Reason;

/**
 * The book's fiber runtime (chapter 5): a fixed table of slots, scheduled cooperatively in round-robin
 * order. Slot 0 is the base context, the thread that made the runtime, which runs its own code and then
 * {@link #run()}; slots 1.. hold spawned fibers, so a runtime of n slots holds at most n - 1 fibers at
 * once, and a fiber's id is its slot. Nothing preempts a context: it runs until it yields or ends.
 *
 * <p>Single-threaded, like the book's: every fiber runs on the thread that calls {@code run}. Unlike
 * the book's, {@code run} returns when it is done instead of ending the process, failures are named
 * errors instead of panics, and a fiber's stack size is a checked budget (see {@link StackBudget}).
 *
 * <p>The choice of the next context to run is a method a subclass may change ({@link #nextReady}).
 */
public class FiberRuntime implements AutoCloseable {
    /** As in the book: the base context and three fibers. */
    public static final int DEFAULT_SLOTS = 4;
    /** As in the book: 2 MiB. */
    public static final long DEFAULT_STACK_SIZE = 2 * 1024 * 1024;
    /** The base context's slot, and so its id. */
    public static final int BASE = 0;

    /** The book's global pointer to the runtime, one per thread: set by {@link #init()}. */
    private static final ThreadLocal<FiberRuntime> CURRENT = new ThreadLocal<>();

    private final Slot[] slots;
    private final long stackSize;
    private int current = BASE;
    /** Every fiber slot below this one is taken: where {@link #spawn} starts looking, so that filling a big table is not quadratic. */
    private int firstMaybeFree = BASE + 1;

    /**
     * The book's runtime: {@value #DEFAULT_SLOTS} slots of {@value #DEFAULT_STACK_SIZE} bytes.
     *
     * @throws FiberException never with the book's sizes; the sizes are checked as any others
     */
    public FiberRuntime() throws FiberException {
        this(DEFAULT_SLOTS, DEFAULT_STACK_SIZE);
    }

    /**
     * A runtime of {@code slots} slots, the base context's included, each fiber with a stack of
     * {@code stackSize} bytes.
     *
     * @param slots how many contexts it holds at once, the base context included
     * @param stackSize each fiber's stack budget, in bytes
     * @throws FiberException {@code INVALID_ARGUMENT} for fewer than 1 slot or a stack below 1 byte
     */
    public FiberRuntime(int slots, long stackSize) throws FiberException {
        if (slots < 1) throw new FiberException(Reason.INVALID_ARGUMENT, "a runtime needs at least 1 slot, not " + slots);
        if (stackSize < 1) throw new FiberException(Reason.INVALID_ARGUMENT, "a stack needs at least 1 byte, not " + stackSize);
        this.slots = new Slot[slots];
        this.slots[BASE] = Slot.base(stackSize);
        for (int id = BASE + 1; id < slots; id++) this.slots[id] = new Slot();
        this.stackSize = stackSize;
    }

    /** Makes this the current runtime of the calling thread, the one {@link #current()} returns. */
    public void init() {
        CURRENT.set(this);
    }

    /**
     * The runtime {@link #init()} made current on this thread: how the book's free functions find it.
     *
     * @return the current runtime
     * @throws FiberException {@code NOT_INITIALISED} if there is none
     */
    public static FiberRuntime current() throws FiberException {
        FiberRuntime runtime = CURRENT.get();
        if (runtime == null) throw new FiberException(Reason.NOT_INITIALISED, "no fiber runtime is initialised on this thread");
        return runtime;
    }

    /** Stops being the current runtime of this thread, if it is. */
    @Override
    public void close() {
        if (CURRENT.get() == this) CURRENT.remove();
    }

    /**
     * The id of the context running now.
     *
     * @return {@link #BASE} or a fiber's slot
     */
    public int currentId() {
        return current;
    }

    /**
     * The stack budget of the context running now, which code on it charges its frames to.
     *
     * @return the running context's budget
     */
    public StackBudget stack() {
        return slots[current].stack();
    }

    /**
     * Puts {@code task} into the first free slot and makes it ready, without running it: it starts when
     * its turn comes.
     *
     * @param task what the fiber runs, once
     * @return the fiber's id, its slot
     * @throws FiberException {@code NO_FREE_SLOT} when every fiber slot is taken
     */
    public int spawn(Runnable task) throws FiberException {
        for (int id = firstMaybeFree; id < slots.length; id++) {
            Slot slot = slots[id];
            if (slot.state() == State.AVAILABLE) {
                slot.take(new Fiber(task), stackSize);
                slot.ready();
                firstMaybeFree = id + 1;
                return id;
            }
        }
        firstMaybeFree = slots.length;
        throw new FiberException(Reason.NO_FREE_SLOT, "no available thread.");
    }

    /**
     * Passes control to the next ready context after this one and returns true when this context's turn
     * comes back.
     *
     * @return true after a switch and back; false at once, without switching, when no other context is ready
     */
    public boolean yieldNow() {
        int from = current;
        int next = nextReady(from);
        if (next == from) return false;
        slots[from].ready();
        switchTo(next);
        if (from == BASE) runFibersUntilBaseTurn(); else Fiber.suspend();
        return true;
    }

    /**
     * Yields from the base context until no fiber is ready, then returns (the book's {@code run} ends
     * the process instead). Every fiber has then ended and its slot is free.
     */
    public void run() {
        while (yieldNow()) {
            // each turn of the base context finds another context ready: yield again
        }
    }

    /**
     * The base context's half of every switch. The book's switch jumps from any context straight to any
     * other; a continuation can only suspend back to the code that resumed it. So once the base context
     * yields, it resumes whichever fiber the schedule made current, and each time that one suspends or
     * ends, the next, until the schedule picks the base context again. The order is the book's.
     */
    private void runFibersUntilBaseTurn() {
        while (current != BASE) {
            int id = current;
            Slot slot = slots[id];
            try {
                slot.fiber().resume();
            } catch (RuntimeException | Error e) {
                // As an uncaught exception ends only its own thread: this fiber ends, the others go on.
                System.err.println("fiber " + id + " ended by an uncaught " + e);
            }
            if (slot.fiber().isDone()) {
                slot.free();
                firstMaybeFree = Math.min(firstMaybeFree, id);
                switchTo(nextReady(id));
            }
        }
    }

    private void switchTo(int id) {
        slots[id].running();
        current = id;
    }

    /**
     * The schedule: which context runs after {@code from}, which is yielding or has ended. The book's
     * is round robin, the first ready context after {@code from}, wrapping around so the base context
     * takes its turn too.
     *
     * @param from the context that is yielding or has ended
     * @return the id of a ready context; {@code from} itself when no other is ready
     */
    protected int nextReady(int from) {
        for (int step = 1; step < slots.length; step++) {
            int id = (from + step) % slots.length;
            if (slots[id].state() == State.READY) return id;
        }
        return from;
    }

    /**
     * How many slots the runtime has, the base context's included.
     *
     * @return the number of slots; ids go from {@link #BASE} to one less
     */
    protected final int slotCount() {
        return slots.length;
    }

    /**
     * Where slot {@code id} stands now.
     *
     * @param id the slot
     * @return its state
     */
    protected final State state(int id) {
        return slots[id].state();
    }
}
