package dev.ack.reference.variants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.pinning.ExecutorRun;
import dev.ack.reference.pinning.NativeHeap;
import dev.ack.reference.pinning.Pin;
import dev.ack.reference.pinning.ScopedPin;
import dev.ack.reference.pinning.SelfRefValue;
import org.junit.jupiter.api.Test;

/** Each known-bad variant of pinning really has its defect, where the reference does not (the pinning package's tests). */
class PinningVariantsTest {
    private final NativeHeap heap = new NativeHeap();

    @Test
    void eagerShortcutMovesATaskThatIsNotMovableAndItLosesItsWrites() {
        PinningFactory factory = EagerShortcut.VARIANT.implementation().pinning();
        ExecutorRun run = factory.executor(true).blockOn(factory.bufferCoroutine(heap, "first", "second", false));
        assertThat(run.shortcutApplied()).isTrue();
        assertThat(run.value()).isEqualTo("\nBUFFER:\n----\n");
        assertThat(heap.liveBlocks()).isZero();
    }

    @Test
    void pinAllowsMoveMovesAPinnedValueThatIsNotMovable() {
        try (SelfRefValue value = PinAllowsMove.VARIANT.implementation().pinning().value(heap, false)) {
            Pin.boxed(value);
            long place = value.address();
            assertThat(value.move()).isNotEqualTo(place);
        }
    }

    @Test
    void swapFixesPointersHidesTheBrokenSelfReference() {
        PinningFactory factory = SwapFixesPointers.VARIANT.implementation().pinning();
        try (SelfRefValue x = factory.value(heap, false); SelfRefValue y = factory.value(heap, false)) {
            try (ScopedPin<SelfRefValue> pinned = Pin.scoped(x)) {
                pinned.get().init();
            }
            x.swapWith(y);
            assertThat(y.b()).isEqualTo(y.aAddress()).isNotEqualTo(x.aAddress());
        }
    }
}
