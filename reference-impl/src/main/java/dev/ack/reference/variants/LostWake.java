package dev.ack.reference.variants;

import dev.ack.reference.eventqueue.EventQueueException;
import dev.ack.reference.eventqueue.Registry;
import dev.ack.reference.eventqueue.Token;
import dev.ack.reference.eventqueue.Waker;
import java.util.Set;

/**
 * {@code lost-wake}: a waker whose wake goes nowhere, as one that never writes to its eventfd. Every
 * scenario that wakes fails: a poll's wake from another thread, and the wake a poll instance must see
 * while another must not (EQ-24), or a wake before the poll (EQ-25).
 */
final class LostWake extends Waker {
    static final KnownBadVariant VARIANT = KnownBadVariant.eventQueue("lost-wake", "a waker's wake does nothing",
            Set.of("EQ-24", "EQ-25"), new EventQueueFactory() {
                @Override
                public Waker waker(Registry registry, Token token) throws EventQueueException {
                    return new LostWake(registry, token);
                }
            });

    private LostWake(Registry registry, Token token) throws EventQueueException {
        super(registry, token);
    }

    @Override
    public void wake() {}
}
