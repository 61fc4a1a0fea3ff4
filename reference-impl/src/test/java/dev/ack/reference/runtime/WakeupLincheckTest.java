package dev.ack.reference.runtime;

import static dev.ack.reference.runtime.LincheckRuns.scenario;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * wake path: {@link Waker#wake()} against the executor's side, "pop a ready task, else park". A wake
 * lost between "the queue is empty" and "park" hangs the executor's thread, which Lincheck reports;
 * a wake that reaches the executor twice, or a task polled for nobody's wake, shows as results no
 * sequential run of the same operations could give.
 */
class WakeupLincheckTest {
    /** One executor's ready queue and parker, the wakers of its tasks 1 and 2, and a look at the queue that never sleeps. */
    public static class Wakes {
        static final AtomicLong INVOCATIONS = new AtomicLong();

        final ReadyQueue readyQueue = new ReadyQueue();
        final Parker parker = new Parker();
        private final TaskWaker task1 = new TaskWaker(readyQueue, parker, 1, ExecutorTrace.NONE);
        private final TaskWaker task2 = new TaskWaker(readyQueue, parker, 2, ExecutorTrace.NONE);

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
            Integer task = readyQueue.pop();
            return task == null ? 0 : task;
        }
    }

    /**
     * With the executor's side: {@code nextReady} sleeps until a wake, so it runs only in custom
     * scenarios that have a wake for each call; generated scenarios could call it with none to come.
     */
    public static class Executor extends Wakes {
        /** The executor's loop, without the polling: the next ready task, sleeping until there is one. */
        @Operation
        public int nextReady() throws InterruptedException {
            for (Integer task = readyQueue.pop(); ; task = readyQueue.pop()) {
                if (task != null) return task;
                parker.park();
            }
        }
    }

    /**
     * The same operations, one at a time: a set of ready tasks in wake order. {@code nextReady} with
     * nothing ready has no sequential answer (it would sleep); 0 matches no real result, so only
     * orders in which a wake came first can explain one.
     */
    public static class Sequential {
        private final LinkedHashSet<Integer> ready = new LinkedHashSet<>();

        public void wakeTask1() {
            ready.add(1);
        }

        public void wakeTask2() {
            ready.add(2);
        }

        public int nextReady() {
            return pollReady();
        }

        public int pollReady() {
            Iterator<Integer> next = ready.iterator();
            if (!next.hasNext()) return 0;
            int task = next.next();
            next.remove();
            return task;
        }
    }

    @Test
    void noWakeIsLostOrDeliveredTwiceInAnyInterleaving() {
        check(new ModelCheckingOptions()
                .addCustomScenario(scenario(Executor.class, List.of(), List.of("nextReady"), List.of("wakeTask1")))
                .addCustomScenario(scenario(Executor.class, List.of(),
                        List.of("nextReady", "nextReady"), List.of("wakeTask1"), List.of("wakeTask2")))
                .addCustomScenario(scenario(Executor.class, List.of("wakeTask1"),
                        List.of("nextReady", "nextReady"), List.of("wakeTask2")))
                .addCustomScenario(scenario(Executor.class, List.of(),
                        List.of("nextReady", "pollReady"), List.of("wakeTask1", "wakeTask1"), List.of("wakeTask2")))
                .iterations(0)
                .invocationsPerIteration(5_000), Executor.class, "model checking, 4 custom scenarios");
    }

    @Test
    void theReadyQueueBehavesAsASetOfWokenTasksUnderGeneratedScenarios() {
        ModelCheckingOptions generated = new ModelCheckingOptions()
                .iterations(30).invocationsPerIteration(500).threads(3).actorsPerThread(3);
        check(generated, Wakes.class, "model checking, 30 generated scenarios");
        check(new StressOptions().iterations(30).invocationsPerIteration(1_000).threads(3).actorsPerThread(3),
                Wakes.class, "stress, 30 generated scenarios");
    }

    @Test
    void lincheckFindsTheLostWakeOfAnExecutorThatSleepsWithoutAPermit() {
        assertThatThrownBy(() -> new ModelCheckingOptions()
                .addCustomScenario(scenario(ForgetfulExecutor.class, List.of(), List.of("nextReady"), List.of("wakeTask1")))
                .iterations(0)
                .sequentialSpecification(Sequential.class)
                .check(ForgetfulExecutor.class))
                .isInstanceOf(LincheckAssertionError.class)
                .hasMessageContaining("hung");
    }

    /** A wrong executor: it sleeps on a plain "wait until notified", which forgets a notify that came first. */
    public static class ForgetfulExecutor {
        private final ReadyQueue readyQueue = new ReadyQueue();
        private final Object sleep = new Object();

        @Operation
        public void wakeTask1() {
            readyQueue.push(1);
            synchronized (sleep) {
                sleep.notifyAll();
            }
        }

        @Operation
        public int nextReady() throws InterruptedException {
            for (Integer task = readyQueue.pop(); ; task = readyQueue.pop()) {
                if (task != null) return task;
                synchronized (sleep) {
                    sleep.wait();
                }
            }
        }
    }

    private static void check(Options<?, ?> options, Class<? extends Wakes> operations, String what) {
        LincheckRuns.check(options, operations, Sequential.class, Wakes.INVOCATIONS, what);
    }
}
