package dev.ack.reference.fibers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each known-bad variant of the runtime really has its defect, where the reference does not (the
 * other tests): otherwise a suite that passes them would prove nothing. The third variant,
 * {@code fibers-lose-local}, breaks the adapter's interpreter and is checked there.
 */
class VariantTest {

    @Test
    void lifoRunsTheFiberReadiedLastFirstAndBreaksTheBooksTranscript() throws FiberException {
        List<String> out = new ArrayList<>();
        try (FiberRuntime runtime = new FiberRuntime(FiberRuntime.DEFAULT_SLOTS, FiberRuntime.DEFAULT_STACK_SIZE, Variant.LIFO)) {
            runtime.init();
            BookPrograms.countingFibers(runtime, out);
        }

        assertThat(out.getFirst()).isEqualTo("THREAD 2 STARTING");
        assertThat(out).hasSameSizeAs(BookPrograms.COUNTING_TRANSCRIPT)
                .isNotEqualTo(BookPrograms.COUNTING_TRANSCRIPT);
    }

    @Test
    void noBaseSlotHoldsAsManyFibersAsSlots() throws FiberException {
        try (FiberRuntime runtime = new FiberRuntime(FiberRuntime.DEFAULT_SLOTS, FiberRuntime.DEFAULT_STACK_SIZE, Variant.NO_BASE_SLOT)) {
            for (int fiber = 1; fiber <= FiberRuntime.DEFAULT_SLOTS; fiber++) {
                assertThat(runtime.spawn(() -> {})).isEqualTo(fiber);
            }
        }
    }
}
