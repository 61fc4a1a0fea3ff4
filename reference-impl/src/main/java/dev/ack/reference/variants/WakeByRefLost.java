package dev.ack.reference.variants;

import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.runtime.RuntimeWaker;
import java.util.Set;

/**
 * {@code wake-by-ref-lost}: a waker whose wake by reference does nothing, as a Rust {@code Wake}
 * implementation with an empty {@code wake_by_ref}; woken by value it works.
 */
final class WakeByRefLost extends RuntimeWaker {
    static final KnownBadVariant VARIANT = KnownBadVariant.runtime("wake-by-ref-lost",
            "the runtime's waker does nothing when it is woken by reference",
            Set.of("RT-05"), new RuntimeFactory() {
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
