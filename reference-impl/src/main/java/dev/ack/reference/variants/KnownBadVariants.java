package dev.ack.reference.variants;

import java.util.List;
import java.util.Optional;

/**
 * Every known-bad variant of the reference: the one list of them. The reference adapter serves one
 * with {@code --variant NAME} and prints them all with {@code --list-variants}; the kit's end-to-end
 * check reads that list, runs each variant and expects exactly its declared failures.
 */
public final class KnownBadVariants {
    private static final List<KnownBadVariant> ALL = List.of(
            LevelForEdge.VARIANT,
            AppendEvents.VARIANT,
            TokenTruncated.VARIANT,
            LostWake.VARIANT,
            LeakyClose.VARIANT,
            LastReadyFirst.VARIANT,
            NoBaseSlot.VARIANT,
            SharedLocals.VARIANT,
            PollAfterReady.VARIANT,
            BusyExecutor.VARIANT,
            FirstWaker.VARIANT,
            EagerShortcut.VARIANT,
            PinAllowsMove.VARIANT,
            SwapFixesPointers.VARIANT,
            BusyRuntime.VARIANT,
            WakeByRefLost.VARIANT,
            RootEndsBlockOn.VARIANT);

    private KnownBadVariants() {}

    /**
     * Every known-bad variant.
     *
     * @return them all, in the teaching order of their areas
     */
    public static List<KnownBadVariant> all() {
        return ALL;
    }

    /**
     * The variant called {@code name}.
     *
     * @param name a variant's name
     * @return the variant; empty for any other name, {@code reference} too
     */
    public static Optional<KnownBadVariant> named(String name) {
        return ALL.stream().filter(variant -> variant.name().equals(name)).findFirst();
    }
}
