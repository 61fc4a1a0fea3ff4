package dev.ack.reference.variants;

/**
 * What the reference adapter serves, area by area: the factory it makes each area's objects with.
 * The reference everywhere, or a known-bad variant's factory in the one area it breaks.
 */
public record Implementation(EventQueueFactory eventQueue, FibersFactory fibers, CoroutinesFactory coroutines,
                             WakersFactory wakers) {
    /** The reference in every area. */
    public static final Implementation REFERENCE = new Implementation(EventQueueFactory.REFERENCE,
            FibersFactory.REFERENCE, CoroutinesFactory.REFERENCE, WakersFactory.REFERENCE);
}
