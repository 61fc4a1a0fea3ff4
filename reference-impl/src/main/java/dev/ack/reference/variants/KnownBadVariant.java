package dev.ack.reference.variants;

import dev.ack.protocol.Area;
import java.util.Set;

/**
 * A deliberately wrong variant of the reference, as it declares itself: its {@code name} on the
 * command line ({@code --variant NAME}), the {@code area} it breaks, a one-line {@code description} of
 * the student mistake it models, the rules the suite must fail against it ({@code fails}, exactly
 * those) and the {@code implementation} the adapter serves for it: the reference's, with the one area's
 * factory replaced.
 *
 * @param name the name {@code --variant} and {@code ./kit --reference-variant} take
 * @param area the one area it breaks
 * @param description the mistake, in one line
 * @param fails the IDs of the rules it fails, every one of them
 * @param implementation what the adapter serves for it
 */
public record KnownBadVariant(String name, Area area, String description, Set<String> fails,
                              Implementation implementation) {
    /** Copies {@code fails}, so that a declaration cannot change after the fact. */
    public KnownBadVariant {
        fails = Set.copyOf(fails);
    }

    static KnownBadVariant eventQueue(String name, String description, Set<String> fails, EventQueueFactory factory) {
        Implementation reference = Implementation.REFERENCE;
        return new KnownBadVariant(name, Area.EVENT_QUEUE, description, fails,
                new Implementation(factory, reference.fibers(), reference.coroutines(), reference.wakers(), reference.pinning(),
                        reference.runtime()));
    }

    static KnownBadVariant fibers(String name, String description, Set<String> fails, FibersFactory factory) {
        Implementation reference = Implementation.REFERENCE;
        return new KnownBadVariant(name, Area.FIBERS, description, fails,
                new Implementation(reference.eventQueue(), factory, reference.coroutines(), reference.wakers(), reference.pinning(),
                        reference.runtime()));
    }

    static KnownBadVariant coroutines(String name, String description, Set<String> fails, CoroutinesFactory factory) {
        Implementation reference = Implementation.REFERENCE;
        return new KnownBadVariant(name, Area.COROUTINES, description, fails,
                new Implementation(reference.eventQueue(), reference.fibers(), factory, reference.wakers(), reference.pinning(),
                        reference.runtime()));
    }

    static KnownBadVariant wakers(String name, String description, Set<String> fails, WakersFactory factory) {
        Implementation reference = Implementation.REFERENCE;
        return new KnownBadVariant(name, Area.WAKERS, description, fails,
                new Implementation(reference.eventQueue(), reference.fibers(), reference.coroutines(), factory, reference.pinning(),
                        reference.runtime()));
    }

    static KnownBadVariant pinning(String name, String description, Set<String> fails, PinningFactory factory) {
        Implementation reference = Implementation.REFERENCE;
        return new KnownBadVariant(name, Area.PINNING, description, fails,
                new Implementation(reference.eventQueue(), reference.fibers(), reference.coroutines(), reference.wakers(), factory,
                        reference.runtime()));
    }

    static KnownBadVariant runtime(String name, String description, Set<String> fails, RuntimeFactory factory) {
        Implementation reference = Implementation.REFERENCE;
        return new KnownBadVariant(name, Area.RUNTIME, description, fails, new Implementation(reference.eventQueue(),
                reference.fibers(), reference.coroutines(), reference.wakers(), reference.pinning(), factory));
    }
}
