package dev.ack.reference.variants;

import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.runtime.RuntimeWaker;
import java.util.Set;

/**
 * {@code wake-by-ref-lost}: a waker whose wake by reference does nothing, as a Rust {@code Wake}
 * implementation with an empty {@code wake_by_ref}; woken by value it works. The reactor wakes by
 * reference, as the book's does, so besides {@code rt.leaf_ready}'s wake by reference (RT-05.2) every
 * http leaf, ours or the other runtime's, waits forever: every scenario with one fails. The third-party
 * leaf, which wakes by value from the JDK's threads, still works (RT-09).
 */
final class WakeByRefLost extends RuntimeWaker {
    static final KnownBadVariant VARIANT = KnownBadVariant.runtime("wake-by-ref-lost",
            "the runtime's waker does nothing when it is woken by reference",
            Set.of("RT-02", "RT-05", "RT-06", "RT-07", "RT-10", "RT-11", "RT-13", "RT-14", "RT-15"), new RuntimeFactory() {
                @Override
                public RuntimeWaker waker(Waker task) {
                    return new WakeByRefLost(task);
                }
            });

    private WakeByRefLost(Waker task) {
        super(task);
    }

    @Override
    public void wakeByRef() {}
}
