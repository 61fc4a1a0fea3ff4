package dev.ack.reference.variants;

import dev.ack.reference.pinning.MaybeSelfRef;
import dev.ack.reference.pinning.NativeHeap;
import dev.ack.reference.pinning.NativeValue;
import dev.ack.reference.pinning.SelfRefValue;
import java.util.Set;

/**
 * {@code swap-fixes-pointers}: a swap that, after exchanging the bytes, points each self-reference back
 * at its own value, as a runtime that patched pointers would: it hides the broken self-reference that
 * the book's swap experiment shows.
 */
final class SwapFixesPointers extends MaybeSelfRef {
    static final KnownBadVariant VARIANT = KnownBadVariant.pinning("swap-fixes-pointers",
            "a swap that silently fixes up the self-references it moved, hiding what the chapter shows",
            Set.of("PN-10", "PN-14"), PinningFactory.withNotMovable(SwapFixesPointers::new));

    private SwapFixesPointers(NativeHeap heap) {
        super(heap);
    }

    @Override
    protected void swapBytes(NativeValue other) {
        super.swapBytes(other);
        if (!(other instanceof SelfRefValue value)) return;
        if (b() == value.aAddress()) init();
        if (value.b() == aAddress()) value.init();
    }
}
