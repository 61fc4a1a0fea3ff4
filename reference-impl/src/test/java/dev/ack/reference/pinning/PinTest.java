package dev.ack.reference.pinning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The book's {@code ch09/d-pin} demonstrations on native memory: what a pin refuses, and what a move breaks. */
class PinTest {
    private final NativeHeap heap = new NativeHeap();

    @AfterEach
    void everyBlockIsFreed() {
        assertThat(heap.liveBlocks()).as("blocks left allocated").isZero();
    }

    @Test
    void heapPinningKeepsTheSelfReferenceAndRefusesMoves() {
        try (MaybeSelfRef x = new MaybeSelfRef(heap)) {
            Pin<MaybeSelfRef> pinned = Pin.boxed(x);
            pinned.get().init();
            pinned.get().writeThroughB(2);
            assertThat(x.a()).isEqualTo(2);
            long place = x.address();
            assertThatThrownBy(x::move).isInstanceOf(MoveRefusedException.class);
            assertThatThrownBy(() -> x.replaceInner(1)).isInstanceOf(MoveRefusedException.class);
            assertThat(x.address()).isEqualTo(place);
            x.setLabel(9);
            assertThat(x.label()).isEqualTo(9);
        }
    }

    @Test
    void theEscapeHatchMovesAndTheSelfReferencePointsAtTheStaleCopy() {
        try (MaybeSelfRef x = new MaybeSelfRef(heap)) {
            Pin<MaybeSelfRef> pinned = Pin.boxed(x);
            x.init();
            long old = x.aAddress();
            pinned.unsafeMoveUnchecked();
            assertThat(x.aAddress()).isNotEqualTo(old);
            assertThat(x.b()).isEqualTo(old);
            x.writeThroughB(5);
            assertThat(x.a()).isZero();
        }
    }

    @Test
    void afterTheScopeASwapLeavesYPointingIntoX() {
        try (MaybeSelfRef x = new MaybeSelfRef(heap); MaybeSelfRef y = new MaybeSelfRef(heap)) {
            try (ScopedPin<MaybeSelfRef> pinned = Pin.scoped(x)) {
                pinned.get().init();
                assertThatThrownBy(() -> x.swapWith(y)).isInstanceOf(MoveRefusedException.class);
            }
            x.swapWith(y);
            assertThat(x.b()).isZero();
            assertThat(y.b()).isEqualTo(x.aAddress());
        }
    }

    @Test
    void aMovableValueMovesFreelyThroughItsPin() {
        try (SelfRefValue x = new SelfRefValue(heap)) {
            Pin.boxed(x);
            x.setLabel(3);
            long place = x.address();
            assertThat(x.move()).isNotEqualTo(place);
            assertThat(x.label()).isEqualTo(3);
        }
    }
}
