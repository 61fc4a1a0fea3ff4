package dev.ack.reference.adapter;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The implementation the adapter serves, area by area: the reference everywhere, or one known-bad
 * variant (see each area's {@code Variant}) in one area and the reference in the others, so that a run
 * fails exactly the rules of that one defect. One {@code --variant NAME} switch picks among all areas'.
 * The coroutines and wakers areas share {@code runtime}: both run the same coroutines.
 */
record Variants(dev.ack.reference.eventqueue.Variant eventQueue, dev.ack.reference.fibers.Variant fibers,
                dev.ack.reference.runtime.Variant runtime) {
    static final Variants REFERENCE = new Variants(dev.ack.reference.eventqueue.Variant.REFERENCE,
            dev.ack.reference.fibers.Variant.REFERENCE, dev.ack.reference.runtime.Variant.REFERENCE);

    /** Every known-bad variant, area by area. */
    static final List<Variants> KNOWN_BAD = Stream.of(
            Stream.of(dev.ack.reference.eventqueue.Variant.values())
                    .filter(v -> v != REFERENCE.eventQueue())
                    .map(v -> new Variants(v, REFERENCE.fibers(), REFERENCE.runtime())),
            Stream.of(dev.ack.reference.fibers.Variant.values())
                    .filter(v -> v != REFERENCE.fibers())
                    .map(v -> new Variants(REFERENCE.eventQueue(), v, REFERENCE.runtime())),
            Stream.of(dev.ack.reference.runtime.Variant.values())
                    .filter(v -> v != REFERENCE.runtime())
                    .map(v -> new Variants(REFERENCE.eventQueue(), REFERENCE.fibers(), v)))
            .flatMap(variants -> variants)
            .toList();

    /** The known-bad variant called {@code name}; the reference is not one of them. */
    static Optional<Variants> knownBad(String name) {
        return KNOWN_BAD.stream().filter(v -> v.wireName().equals(name)).findFirst();
    }

    /** The name of the one broken area's variant, e.g. {@code lost-wake}; {@code reference} when none is. */
    String wireName() {
        if (eventQueue != REFERENCE.eventQueue()) return eventQueue.wireName();
        return fibers != REFERENCE.fibers() ? fibers.wireName() : runtime.wireName();
    }
}
