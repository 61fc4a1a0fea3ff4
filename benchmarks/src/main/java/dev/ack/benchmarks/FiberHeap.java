package dev.ack.benchmarks;

import dev.ack.reference.fibers.FiberException;
import dev.ack.reference.fibers.FiberRuntime;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * Heap per idle fiber: {@value #FIBERS} fibers alive at once, each suspended {@code depth} frames below
 * its task's own, and the live heap after a full collection, over the heap before, divided by the fibers.
 * Reference fibers ({@code fiber}: one runtime of {@value #FIBERS} + 1 slots) or bare JDK continuations
 * ({@code continuation}: the floor under them). One kind per JVM, so that one does not leave garbage or
 * compiled code in the other's figure; the table runs it as a child process and reads its one line.
 *
 * <p>{@code java --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -cp benchmarks.jar
 * dev.ack.benchmarks.FiberHeap fiber|continuation DEPTH}
 */
public final class FiberHeap {
    private static final int FIBERS = 100_000;
    private static final ContinuationScope SCOPE = new ContinuationScope("heap");

    private FiberHeap() {}

    /**
     * Prints the bytes per idle fiber.
     *
     * @param args the kind ({@code fiber} or {@code continuation}) and the depth in frames
     * @throws FiberException when the runtime cannot take the fibers
     */
    public static void main(String[] args) throws FiberException {
        String kind = args[0];
        int depth = Integer.parseInt(args[1]);
        long before = liveHeap();
        Object suspended = switch (kind) {
            case "fiber" -> suspendedFibers(depth);
            case "continuation" -> suspendedContinuations(depth);
            default -> throw new IllegalArgumentException("fiber or continuation, not " + kind);
        };
        long after = liveHeap();
        Reference.reachabilityFence(suspended);
        System.out.println((after - before) / FIBERS);
    }

    /** One yield of the base context runs every fiber to its first yield, in slot order, and comes back. */
    private static FiberRuntime suspendedFibers(int depth) throws FiberException {
        FiberRuntime runtime = new FiberRuntime(FIBERS + 1, FiberRuntime.DEFAULT_STACK_SIZE);
        Runnable yieldForever = () -> {
            while (true) runtime.yieldNow();
        };
        for (int fiber = 0; fiber < FIBERS; fiber++) runtime.spawn(() -> descend(depth, yieldForever));
        runtime.yieldNow();
        return runtime;
    }

    private static Continuation[] suspendedContinuations(int depth) {
        Runnable yieldForever = () -> {
            while (true) Continuation.yield(SCOPE);
        };
        Continuation[] continuations = new Continuation[FIBERS];
        for (int i = 0; i < FIBERS; i++) {
            continuations[i] = new Continuation(SCOPE, () -> descend(depth, yieldForever));
            continuations[i].run();
        }
        return continuations;
    }

    /** {@code depth} frames down, then {@code atTheBottom}. */
    private static void descend(int depth, Runnable atTheBottom) {
        if (depth > 0) descend(depth - 1, atTheBottom);
        else atTheBottom.run();
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
