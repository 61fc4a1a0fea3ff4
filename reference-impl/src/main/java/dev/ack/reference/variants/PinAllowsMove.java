package dev.ack.reference.variants;

import dev.ack.reference.pinning.MaybeSelfRef;
import dev.ack.reference.pinning.NativeHeap;
import java.util.Set;

/**
 * {@code pin-allows-move}: a pinned value that is not movable whose pin checks nothing, so it is moved,
 * swapped and has its pinned part replaced as if it were not pinned.
 */
final class PinAllowsMove extends MaybeSelfRef {
    static final KnownBadVariant VARIANT = KnownBadVariant.pinning("pin-allows-move",
            "a pin that lets a value that is not movable be moved, swapped and replaced",
            Set.of("PN-05", "PN-09", "PN-11", "PN-14"), PinningFactory.withNotMovable(PinAllowsMove::new));

    private PinAllowsMove(NativeHeap heap) {
        super(heap);
    }

    @Override
    protected boolean pinForbidsMove() {
        return false;
    }
}
