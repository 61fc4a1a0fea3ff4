package dev.ack.reference.variants;

import dev.ack.reference.fibers.FiberException;
import dev.ack.reference.fibers.FiberRuntime;
import dev.ack.reference.fibers.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code fibers-lifo}: a runtime whose schedule runs the context that became ready last, a stack where
 * the book's round robin is a queue. Nearly every fibers scenario compares a trace in the book's order,
 * so nearly every fibers rule fails with it.
 */
final class LastReadyFirst extends FiberRuntime {
    static final KnownBadVariant VARIANT = KnownBadVariant.fibers("fibers-lifo",
            "switches to the context that became ready last instead of the next one in round-robin order",
            Set.of("FB-01", "FB-02", "FB-03", "FB-05", "FB-07", "FB-08", "FB-10", "FB-11",
                    "FB-13", "FB-14", "FB-15", "FB-16", "FB-18", "FB-22", "FB-23", "FB-24"), new FibersFactory() {
                @Override
                public FiberRuntime runtime(int slots, long stackSize) throws FiberException {
                    return new LastReadyFirst(slots, stackSize);
                }
            });

    /** The ids of the ready contexts, in the order they became ready. */
    private final List<Integer> readyOrder = new ArrayList<>();

    private LastReadyFirst(int slots, long stackSize) throws FiberException {
        super(slots, stackSize);
    }

    /**
     * The context readied last. Contexts spawned since the last switch are readied in the order of
     * their slots, and {@code from}, when it yields rather than ends, right after this choice.
     */
    @Override
    protected int nextReady(int from) {
        readyOrder.removeIf(id -> state(id) != State.READY);
        for (int id = 0; id < slotCount(); id++) {
            if (state(id) == State.READY && !readyOrder.contains(id)) readyOrder.add(id);
        }
        if (readyOrder.isEmpty()) return from;
        int next = readyOrder.getLast();
        if (state(from) == State.RUNNING) readyOrder.add(from);
        return next;
    }
}
