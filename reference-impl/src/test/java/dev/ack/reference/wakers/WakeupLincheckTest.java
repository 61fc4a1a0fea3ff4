package dev.ack.reference.wakers;

import static dev.ack.reference.wakers.LincheckRuns.scenario;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.ManualLeaves;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Model checking (every interleaving of a scenario, up to Lincheck's bounds) and stress tests of the
 * wake path, on the real classes: {@link Executor#blockOn} itself (its loop, ready queue, parker and
 * wakers) against leaves made ready from other threads, and the ready queue against wakers. A wake
 * lost between "the queue is empty" and "park" leaves {@code blockOn} parked for ever, which Lincheck
 * reports as a hang; a wake that reaches the queue twice, or a task taken for nobody's wake, shows as
 * results no sequential run of the same operations could give.
 */
class WakeupLincheckTest {
    /** One executor's ready queue, the wakers of its tasks 1 and 2, and a look at the queue that never sleeps. */
    public static class Wakes {
        static final AtomicLong INVOCATIONS = new AtomicLong();

        private final ReadyQueue readyQueue = new ReadyQueue();
        private final Parker parker = new Parker();
        private final Waker task1 = new TaskWaker(readyQueue, parker, 1, ExecutorTrace.NONE);
        private final Waker task2 = new TaskWaker(readyQueue, parker, 2, ExecutorTrace.NONE);

        public Wakes() {
            INVOCATIONS.incrementAndGet();
        }

        @Operation
        public void wakeTask1() {
            task1.wake();
        }

        @Operation
        public void wakeTask2() {
            task2.wake();
        }

        /** What the executor would poll next without sleeping; 0 when nothing is ready. */
        @Operation
        public int pollReady() {
            return Math.max(readyQueue.pop(), 0);
        }
    }

    /** The same operations, one at a time: a set of ready tasks in wake order. */
    public static class ReadySet {
        private final LinkedHashSet<Integer> ready = new LinkedHashSet<>();

        public void wakeTask1() {
            ready.add(1);
        }

        public void wakeTask2() {
            ready.add(2);
        }

        public int pollReady() {
            Iterator<Integer> next = ready.iterator();
            if (!next.hasNext()) return 0;
            int task = next.next();
            next.remove();
            return task;
        }
    }

    /**
     * A real executor's {@code blockOn} on one thread while others make its leaves ready. The root task
     * spawns a child waiting on leaf B, then waits on leaf A; {@code blockOn} returns once both are done.
     * It sleeps until a leaf is made ready, so it runs only in custom scenarios that make both ready.
     */
    public static class BlockOn {
        static final AtomicLong INVOCATIONS = new AtomicLong();

        final ManualLeaves leaves = new ManualLeaves();
        final Executor executor;

        public BlockOn() {
            this(new Executor(ExecutorTrace.NONE));
        }

        BlockOn(Executor executor) {
            this.executor = executor;
            INVOCATIONS.incrementAndGet();
        }

        @Operation
        public String blockOn() throws InterruptedException {
            return executor.blockOn(new Future<>() {
                private final Future<String> a = leaves.leaf("A");
                private boolean spawned;

                @Override
                public PollState<String> poll(Waker waker) {
                    if (!spawned) Executor.spawn(leaves.leaf("B"));
                    spawned = true;
                    return a.poll(waker);
                }
            });
        }

        @Operation
        public void makeAReady() {
            leaves.makeReady("A", "a");
        }

        @Operation
        public void makeBReady() {
            leaves.makeReady("B", "b");
        }
    }

    /** {@code blockOn} one at a time: ordered after both leaves were made ready, it returns the root's value. */
    public static class BlockOnInOrder {
        public String blockOn() {
            return "a";
        }

        public void makeAReady() {}

        public void makeBReady() {}
    }

    /**
     * A wrong executor, the real one but for the wait: it checks the queue, then sleeps on a plain
     * {@code wait()} on the parker's monitor. Every unpark notifies it, but one that came between the
     * check and the wait is lost, because it ignores the permit.
     */
    public static class ForgetfulBlockOn extends BlockOn {
        public ForgetfulBlockOn() {
            super(new Executor(ExecutorTrace.NONE) {
                @Override
                protected int nextReady() throws InterruptedException {
                    for (int task = readyQueue.pop(); ; task = readyQueue.pop()) {
                        if (task >= 0) return task;
                        synchronized (parker) {
                            parker.wait();
                        }
                    }
                }
            });
        }
    }

    @Test
    void blockOnLosesNoWakeInAnyInterleaving() {
        List<String> none = List.of();
        LincheckRuns.check(new ModelCheckingOptions()
                        .addCustomScenario(scenario(BlockOn.class, none, List.of("blockOn"), List.of("makeAReady", "makeBReady")))
                        .addCustomScenario(scenario(BlockOn.class, none,
                                List.of("blockOn"), List.of("makeAReady"), List.of("makeBReady")))
                        .addCustomScenario(scenario(BlockOn.class, List.of("makeBReady"), List.of("blockOn"), List.of("makeAReady")))
                        .iterations(0)
                        .invocationsPerIteration(2_000),
                BlockOn.class, BlockOnInOrder.class, BlockOn.INVOCATIONS, "model checking, 3 custom scenarios");
        LincheckRuns.check(new StressOptions()
                        .addCustomScenario(scenario(BlockOn.class, none,
                                List.of("blockOn"), List.of("makeAReady"), List.of("makeBReady")))
                        .iterations(0)
                        .invocationsPerIteration(2_000),
                BlockOn.class, BlockOnInOrder.class, BlockOn.INVOCATIONS, "stress, 1 custom scenario");
    }

    @Test
    void lincheckFindsTheLostWakeOfAnExecutorThatWaitsWithoutThePermit() {
        assertThatThrownBy(() -> new ModelCheckingOptions()
                .addCustomScenario(scenario(ForgetfulBlockOn.class, List.of(),
                        List.of("blockOn"), List.of("makeAReady"), List.of("makeBReady")))
                .iterations(0)
                .sequentialSpecification(BlockOnInOrder.class)
                .check(ForgetfulBlockOn.class))
                .isInstanceOf(LincheckAssertionError.class)
                .hasMessageContaining("hung");
    }

    @Test
    void theReadyQueueBehavesAsASetOfWokenTasksUnderGeneratedScenarios() {
        ModelCheckingOptions generated = new ModelCheckingOptions()
                .iterations(30).invocationsPerIteration(500).threads(3).actorsPerThread(3);
        check(generated, "model checking, 30 generated scenarios");
        check(new StressOptions().iterations(30).invocationsPerIteration(1_000).threads(3).actorsPerThread(3),
                "stress, 30 generated scenarios");
    }

    private static void check(Options<?, ?> options, String what) {
        LincheckRuns.check(options, Wakes.class, ReadySet.class, Wakes.INVOCATIONS, what);
    }
}
