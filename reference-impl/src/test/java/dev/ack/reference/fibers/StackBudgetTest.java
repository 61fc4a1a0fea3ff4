package dev.ack.reference.fibers;

import static dev.ack.reference.fibers.FreeFunctions.yieldThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ack.reference.fibers.FiberException.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configured stack size holds per context, and running out of it stops that context only. */
class StackBudgetTest {
    private static final int FRAME = 1024;
    private static final int STACK_SIZE = 64 * FRAME;

    @Test
    void aFrameThatDoesNotFitFailsAndUsesNothing() throws FiberException {
        StackBudget stack = new StackBudget(3 * FRAME);
        stack.push(2 * FRAME);

        assertThatThrownBy(() -> stack.push(2 * FRAME))
                .isInstanceOfSatisfying(FiberException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STACK_OVERFLOW));
        stack.push(FRAME);
        stack.pop(FRAME);
        stack.pop(2 * FRAME);
        stack.push(3 * FRAME);
    }

    @Test
    void aFiberThatExhaustsItsStackStopsThereAndTheOthersKeepTheirLocals() throws FiberException {
        List<String> out = new ArrayList<>();
        try (FiberRuntime runtime = new FiberRuntime(3, STACK_SIZE)) {
            runtime.init();
            runtime.spawn(() -> out.add("fiber 1 stopped at depth " + depthReached(runtime.stack(), 0)));
            runtime.spawn(() -> {
                long mine = 7;
                yieldThread();
                yieldThread();
                out.add("fiber 2 still has " + mine);
            });
            runtime.run();
        }

        assertThat(out).containsExactly("fiber 1 stopped at depth 64", "fiber 2 still has 7");
    }

    @Test
    void aFiberInAReusedSlotGetsAFreshStack() throws FiberException {
        List<String> out = new ArrayList<>();
        try (FiberRuntime runtime = new FiberRuntime(2, STACK_SIZE)) {
            runtime.spawn(() -> {
                try {
                    for (int frame = 0; frame < 32; frame++) runtime.stack().push(FRAME);
                } catch (FiberException e) {
                    throw new AssertionError(e);
                }
            });
            runtime.run();
            assertThat(runtime.spawn(() -> out.add("depth " + depthReached(runtime.stack(), 0)))).isEqualTo(1);
            runtime.run();
        }

        assertThat(out).containsExactly("depth 64");
    }

    /** Recurses, one frame pushed per call, until the budget refuses one; gives every frame back on the way out. */
    private static int depthReached(StackBudget stack, int depth) {
        try {
            stack.push(FRAME);
        } catch (FiberException e) {
            return depth;
        }
        try {
            return depthReached(stack, depth + 1);
        } finally {
            stack.pop(FRAME);
        }
    }
}
