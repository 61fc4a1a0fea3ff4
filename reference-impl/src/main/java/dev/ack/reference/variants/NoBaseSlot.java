package dev.ack.reference.variants;

import dev.ack.reference.fibers.FiberException;
import dev.ack.reference.fibers.FiberRuntime;
import java.util.Set;

/**
 * {@code fibers-no-base-slot}: a runtime that forgets that the base context takes slot 0, so a
 * runtime of n slots holds n fibers instead of n - 1: the spawn that must fail succeeds (FB-02), also
 * while the base context's program is done and it waits in {@code run} (FB-15).
 */
final class NoBaseSlot extends FiberRuntime {
    static final KnownBadVariant VARIANT = KnownBadVariant.fibers("fibers-no-base-slot",
            "forgets that the base context takes a slot: a runtime of n slots holds n fibers, not n - 1",
            Set.of("FB-01", "FB-02", "FB-15", "FB-23"), new FibersFactory() {
                @Override
                public FiberRuntime runtime(int slots, long stackSize) throws FiberException {
                    return new NoBaseSlot(slots, stackSize);
                }
            });

    /** Rejects what the reference rejects; otherwise makes a table of a slot more than asked for. */
    private NoBaseSlot(int slots, long stackSize) throws FiberException {
        super(slots < 1 ? slots : slots + 1, stackSize);
    }
}
