package dev.ack.reference.fibers;

import static dev.ack.reference.fibers.FreeFunctions.currentId;
import static dev.ack.reference.fibers.FreeFunctions.yieldThread;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Many fibers, deep stacks, many switches: every fiber still counts right. Prints its wall time and
 * heap use: the peak, and what is live while every fiber is suspended.
 */
class ScaleTest {
    private static final int FIBERS = 10_000;
    private static final int YIELDS = 100;
    private static final int DEPTH = 50;

    @Test
    void tenThousandFibersEachYielding100TimesFrom50FramesDeepCountRight() throws FiberException {
        int[] counts = new int[FIBERS + 1];
        // [live heap bytes, nanoseconds the measuring took]: written by the measuring fiber
        long[] suspended = new long[2];
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long before = liveHeap();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();

        try (FiberRuntime runtime = new FiberRuntime(FIBERS + 2, FiberRuntime.DEFAULT_STACK_SIZE)) {
            runtime.init();
            for (int fiber = 1; fiber <= FIBERS; fiber++) runtime.spawn(() -> counts[currentId()] = descendAndCount(DEPTH));
            // spawned last, so it first runs when every other fiber has yielded once, 50 frames deep
            runtime.spawn(() -> {
                long measuring = System.nanoTime();
                suspended[0] = liveHeap();
                suspended[1] = System.nanoTime() - measuring;
            });
            runtime.run();
        }

        long millis = (System.nanoTime() - start - suspended[1]) / 1_000_000;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long live = suspended[0] - before;
        System.out.printf("scale: %d fibers x %d yields from %d frames deep: %d ms; heap peak %d MiB,"
                        + " live with every fiber suspended %d MiB above the start (%d bytes a fiber)%n",
                FIBERS, YIELDS, DEPTH, millis, peak >> 20, live >> 20, live / FIBERS);
        assertThat(Arrays.stream(counts).skip(1)).hasSize(FIBERS).allMatch(count -> count == YIELDS);
    }

    /** Goes {@code depth} frames down, then yields {@link #YIELDS} times, counting in a local. */
    private static int descendAndCount(int depth) {
        if (depth > 0) return descendAndCount(depth - 1);
        int count = 0;
        for (int turn = 0; turn < YIELDS; turn++) {
            yieldThread();
            count++;
        }
        return count;
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
