package dev.ack.reference.variants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.fibers.BookPrograms;
import dev.ack.reference.fibers.FiberException;
import dev.ack.reference.fibers.FiberRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each known-bad variant of the fiber runtime really has its defect, where the reference does not (the
 * fibers package's tests). The third fibers variant, {@code fibers-lose-local}, changes where the
 * adapter's interpreter keeps locals and is checked with the interpreter.
 */
class FibersVariantsTest {

    @Test
    void lifoRunsTheFiberReadiedLastFirstAndBreaksTheBooksTranscript() throws FiberException {
        List<String> out = new ArrayList<>();
        try (FiberRuntime runtime = runtime(LastReadyFirst.VARIANT)) {
            runtime.init();
            BookPrograms.countingFibers(runtime, out);
        }

        assertThat(out.getFirst()).isEqualTo("THREAD 2 STARTING");
        assertThat(out).hasSameSizeAs(BookPrograms.COUNTING_TRANSCRIPT)
                .isNotEqualTo(BookPrograms.COUNTING_TRANSCRIPT);
    }

    @Test
    void noBaseSlotHoldsAsManyFibersAsSlots() throws FiberException {
        try (FiberRuntime runtime = runtime(NoBaseSlot.VARIANT)) {
            for (int fiber = 1; fiber <= FiberRuntime.DEFAULT_SLOTS; fiber++) {
                assertThat(runtime.spawn(() -> {})).isEqualTo(fiber);
            }
        }
    }

    private static FiberRuntime runtime(KnownBadVariant variant) throws FiberException {
        return variant.implementation().fibers().runtime(FiberRuntime.DEFAULT_SLOTS, FiberRuntime.DEFAULT_STACK_SIZE);
    }
}
