package dev.ack.reference.fibers;

import static dev.ack.reference.fibers.FreeFunctions.spawn;
import static dev.ack.reference.fibers.FreeFunctions.yieldThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ack.reference.fibers.FiberException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The book's runtime, rule by rule (chapter 5), on the book's 4 slots unless a test says otherwise. */
class FiberRuntimeTest {
    private FiberRuntime runtime;
    private final List<String> out = new ArrayList<>();

    @BeforeEach
    void init() throws FiberException {
        runtime = new FiberRuntime();
        runtime.init();
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void twoCountingFibersTakeTurnsWithTheBaseContextAsInTheBook() throws FiberException {
        BookPrograms.countingFibers(runtime, out);

        assertThat(out).containsExactlyElementsOf(BookPrograms.COUNTING_TRANSCRIPT);
    }

    @Test
    void aNestedFiberTakesTheNextSlotAndItsTurnInRoundRobinOrderAsInTheBook() throws FiberException {
        BookPrograms.nestedSpawn(runtime, out);

        assertThat(out).containsExactlyElementsOf(BookPrograms.NESTED_SPAWN_TRANSCRIPT);
    }

    @Test
    void spawnReadiesAFiberWithoutRunningIt() throws FiberException {
        int id = runtime.spawn(() -> out.add("ran"));

        assertThat(id).isEqualTo(1);
        assertThat(out).isEmpty();
        runtime.run();
        assertThat(out).containsExactly("ran");
    }

    @Test
    void aSpawnWithEveryFiberSlotTakenFailsBeforeAnythingRuns() throws FiberException {
        for (int fiber = 1; fiber <= 3; fiber++) runtime.spawn(() -> out.add("ran"));

        assertThatThrownBy(() -> runtime.spawn(() -> out.add("ran")))
                .isInstanceOfSatisfying(FiberException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_FREE_SLOT));
        assertThat(out).isEmpty();
    }

    @Test
    void aFinishedFibersSlotIsReusedByTheNextSpawn() throws FiberException {
        runtime.spawn(() -> out.add("short"));
        runtime.spawn(() -> {
            yieldThread();
            out.add("reused slot " + spawn(() -> out.add("late")));
        });
        runtime.spawn(() -> out.add("third"));
        runtime.run();

        assertThat(out).containsExactly("short", "third", "reused slot 1", "late");
        assertThat(runtime.spawn(() -> {})).as("every slot is free after run").isEqualTo(1);
    }

    @Test
    void yieldWithNoOtherContextReadyReturnsAtOnceWithoutSwitching() {
        assertThat(runtime.yieldNow()).isFalse();
        assertThat(runtime.currentId()).isEqualTo(FiberRuntime.BASE);
        runtime.run();
    }

    @Test
    void localsOfEveryFrameAreIntactAfterYieldingFrom50FramesDeep() throws FiberException {
        List<String> lost = new ArrayList<>();
        for (int fiber = 1; fiber <= 3; fiber++) {
            int seed = fiber * 1000;
            runtime.spawn(() -> descendAndYield(50, seed, lost));
        }
        runtime.run();

        assertThat(lost).isEmpty();
    }

    /** Each frame holds its own locals, then checks them after the yields below it. */
    private static void descendAndYield(int depth, int seed, List<String> lost) {
        int mine = seed + depth;
        String text = "frame " + mine;
        if (depth == 0) {
            for (int turn = 0; turn < 3; turn++) yieldThread();
        } else {
            descendAndYield(depth - 1, seed, lost);
        }
        if (mine != seed + depth || !text.equals("frame " + (seed + depth))) lost.add(seed + "/" + depth);
    }

    @Test
    void aClosureCapturingOwnedDataRunsExactlyOnce() throws FiberException {
        AtomicInteger runs = new AtomicInteger();
        String owned = new StringBuilder("owned").append(" data").toString();
        runtime.spawn(() -> {
            runs.incrementAndGet();
            yieldThread();
            out.add(owned);
        });
        runtime.run();
        runtime.run();

        assertThat(runs).hasValue(1);
        assertThat(out).containsExactly("owned data");
    }

    @Test
    void aFiberThatNeverYieldsIsNotPreempted() throws FiberException {
        AtomicInteger othersProgress = new AtomicInteger();
        runtime.spawn(() -> {
            int before = othersProgress.get();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (System.nanoTime() < until) Thread.onSpinWait();
            out.add("progress of the others while spinning: " + (othersProgress.get() - before));
        });
        runtime.spawn(() -> {
            for (int turn = 0; turn < 5; turn++) {
                othersProgress.incrementAndGet();
                yieldThread();
            }
        });
        runtime.run();

        assertThat(out).containsExactly("progress of the others while spinning: 0");
        assertThat(othersProgress).hasValue(5);
    }

    @Test
    void aFiberThatThrowsEndsAloneAndItsSlotIsFree() throws FiberException {
        runtime.spawn(() -> {
            yieldThread();
            throw new IllegalStateException("deliberate");
        });
        runtime.spawn(() -> {
            for (int turn = 0; turn < 3; turn++) yieldThread();
            out.add("still running");
        });
        runtime.run();

        assertThat(out).containsExactly("still running");
        assertThat(runtime.spawn(() -> {})).isEqualTo(1);
    }

    @Test
    void yieldAndSpawnFindNoRuntimeOnceItIsClosed() {
        runtime.close();

        assertThatThrownBy(FiberRuntime::current).isInstanceOfSatisfying(FiberException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_INITIALISED));
    }

    @Test
    void initMakesARuntimeCurrentOnItsThreadOnly() throws Exception {
        assertThat(FiberRuntime.current()).isSameAs(runtime);

        AtomicReference<Reason> onOtherThread = new AtomicReference<>();
        Thread.ofPlatform().start(() -> {
            try {
                FiberRuntime.current();
            } catch (FiberException e) {
                onOtherThread.set(e.reason());
            }
        }).join();
        assertThat(onOtherThread).hasValue(Reason.NOT_INITIALISED);
    }

    @Test
    void aRuntimeNeedsASlotAndAStack() {
        assertThatThrownBy(() -> new FiberRuntime(0, FiberRuntime.DEFAULT_STACK_SIZE))
                .isInstanceOfSatisfying(FiberException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT));
        assertThatThrownBy(() -> new FiberRuntime(FiberRuntime.DEFAULT_SLOTS, 0))
                .isInstanceOfSatisfying(FiberException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT));
    }
}
