package dev.ack.reference.variants;

/**
 * What the reference adapter serves, area by area: the factory it makes each area's objects with.
 * The reference everywhere, or a known-bad variant's factory in the one area it breaks.
 *
 * @param eventQueue the event queue's objects (chapter 4)
 * @param fibers the fibers' (chapter 5)
 * @param coroutines the coroutines' (chapter 7)
 * @param wakers the wakers area's: coroutines, executors, the reactor (chapter 8)
 * @param pinning the pinning area's: values, the buffer coroutine, executors (chapter 9)
 * @param runtime the runtime area's: the runtime, its executors and wakers (chapter 10)
 */
public record Implementation(EventQueueFactory eventQueue, FibersFactory fibers, CoroutinesFactory coroutines,
                             WakersFactory wakers, PinningFactory pinning, RuntimeFactory runtime) {
    /** The reference in every area. */
    public static final Implementation REFERENCE = new Implementation(EventQueueFactory.REFERENCE,
            FibersFactory.REFERENCE, CoroutinesFactory.REFERENCE, WakersFactory.REFERENCE, PinningFactory.REFERENCE,
            RuntimeFactory.REFERENCE);
}
