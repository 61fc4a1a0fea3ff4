package dev.ack.reference.pinning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The book's buffer coroutine under both executors, and the native memory it leaves behind: none. */
class ExecutorTest {
    private static final String WHOLE = "\nBUFFER:\n----\nfirst\nsecond\n";

    private final NativeHeap heap = new NativeHeap();

    @Test
    void theBoxingExecutorNeverMovesTheTask() {
        PinnedBufferCoroutine task = new PinnedBufferCoroutine(heap, "first", "second");
        ExecutorRun run = new Executor().blockOn(task);
        assertThat(run.value()).isEqualTo(WHOLE);
        assertThat(task.polls()).hasSize(3).containsOnly(task.polls().getFirst());
        assertThat(run.requeued()).isEqualTo(2);
        assertThat(heap.liveBlocks()).isZero();
    }

    @Test
    void theShortcutLeavesATaskThatIsNotMovableInPlace() {
        PinnedBufferCoroutine task = new PinnedBufferCoroutine(heap, "first", "second");
        ExecutorRun run = new ShortcutExecutor().blockOn(task);
        assertThat(run.shortcutApplied()).isFalse();
        assertThat(run.value()).isEqualTo(WHOLE);
        assertThat(heap.liveBlocks()).isZero();
    }

    @Test
    void theShortcutBreaksATaskMarkedMovable() {
        BufferCoroutine task = new BufferCoroutine(heap, "first", "second");
        ExecutorRun run = new ShortcutExecutor().blockOn(task);
        assertThat(run.shortcutApplied()).isTrue();
        assertThat(run.value()).isEqualTo("\nBUFFER:\n----\n");
        assertThat(task.polls().getFirst()).isNotEqualTo(task.polls().get(1));
        assertThat(heap.liveBlocks()).isZero();
    }

    @Test
    void aBoxedChildStaysWhenItsRootIsMoved() {
        PinnedBufferCoroutine child = new PinnedBufferCoroutine(heap, "first", "second");
        RootCoroutine root = new RootCoroutine(heap, child);
        ExecutorRun run = new ShortcutExecutor().blockOn(root);
        assertThat(run.shortcutApplied()).isTrue();
        assertThat(root.polls().getFirst()).isNotEqualTo(root.polls().get(1));
        assertThat(child.polls()).hasSize(3).containsOnly(child.polls().getFirst());
        assertThat(run.value()).isEqualTo(WHOLE);
        assertThat(heap.liveBlocks()).isZero();
    }

    /**
     * Many runs and values leave no block allocated (the heap's count), and the C heap does not keep
     * what they allocated: after a warm-up, 50,000 rounds of about ten blocks each (over 50 MB if they
     * leaked) may grow glibc's bytes in use ({@code mallinfo2().uordblks}) by less than 16 MB. The margin
     * is for what the JVM's own threads malloc meanwhile (up to 7 MB was seen on a loaded machine).
     */
    @Test
    void nativeMemoryIsFreed() {
        churn(5_000);
        long before = MallInfo.bytesInUse();
        churn(50_000);
        long grown = MallInfo.bytesInUse() - before;
        System.out.println("pinning: C heap in use grew by " + grown + " bytes over 50000 rounds; live blocks " + heap.liveBlocks());
        assertThat(heap.liveBlocks()).isZero();
        assertThat(grown).isLessThan(16L << 20);
    }

    private void churn(int rounds) {
        for (int i = 0; i < rounds; i++) {
            new ShortcutExecutor().blockOn(new BufferCoroutine(heap, "first", "second"));
            new Executor().blockOn(new RootCoroutine(heap, new PinnedBufferCoroutine(heap, "a", "b")));
            try (MaybeSelfRef x = new MaybeSelfRef(heap); MaybeSelfRef y = new MaybeSelfRef(heap)) {
                x.init();
                x.move();
                x.swapWith(y);
            }
        }
    }
}
