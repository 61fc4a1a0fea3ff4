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
     * what they allocated: after a warm-up, each of three windows of 40,000 rounds of about ten blocks
     * (over 40 MB if they leaked) grows glibc's bytes in use ({@code mallinfo2().uordblks}); the
     * smallest growth must stay under 16 MB. The JVM's own threads malloc meanwhile (the JIT compiler,
     * other tests' client threads: 26 MB was seen in one window), now and then; a leak grows every window.
     */
    @Test
    void nativeMemoryIsFreed() {
        churn(10_000);
        long smallest = Long.MAX_VALUE;
        for (int window = 0; window < 3; window++) {
            long before = MallInfo.bytesInUse();
            churn(40_000);
            smallest = Math.min(smallest, MallInfo.bytesInUse() - before);
        }
        System.out.println("pinning: C heap in use grew by at least " + smallest + " bytes per 40000 rounds; live blocks " + heap.liveBlocks());
        assertThat(heap.liveBlocks()).isZero();
        assertThat(smallest).isLessThan(16L << 20);
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
