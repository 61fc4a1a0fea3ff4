package dev.ack.benchmarks;

import dev.ack.reference.fibers.FiberException;
import dev.ack.reference.fibers.FiberRuntime;
import java.util.concurrent.TimeUnit;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one switch, in ns: between the reference fibers of one runtime, between bare JDK
 * continuations driven by hand (the floor the fibers are built on), and between two virtual threads on a
 * scheduler of one carrier (the like-for-like peer of a one-thread fiber scheduler). All run in every
 * fork; only the scores of one run compare.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {"--add-exports", JvmFlags.ADD_EXPORTS,
        "-Djdk.virtualThreadScheduler.parallelism=1"})
public class SwitchBenchmark {
    /** Baton passes per invocation: enough to make starting and joining the two threads negligible. */
    private static final int PASSES = 10_000;

    /**
     * Two fibers that yield forever, in a runtime of three slots. A yield of the base context is one
     * round of the rotation: base to fiber 1, fiber 1 to fiber 2, fiber 2 back to base.
     */
    @State(Scope.Thread)
    public static class TwoFibers {
        private FiberRuntime runtime;
        private boolean stop;

        @Setup
        public void spawn() throws FiberException {
            runtime = new FiberRuntime(3, FiberRuntime.DEFAULT_STACK_SIZE);
            for (int fiber = 0; fiber < 2; fiber++) {
                runtime.spawn(() -> {
                    while (!stop) runtime.yieldNow();
                });
            }
        }

        @TearDown
        public void finish() {
            stop = true;
            runtime.run();
        }
    }

    /** Three switches: base to fiber 1 to fiber 2 to base. */
    @Benchmark
    @OperationsPerInvocation(3)
    public boolean fiberYield(TwoFibers fibers) {
        return fibers.runtime.yieldNow();
    }

    /**
     * Two bare continuations that yield forever, resumed in turn by the benchmark thread: the same four
     * transfers of control as one round of {@link #fiberYield} (a continuation suspends only to the code
     * that resumed it, so the fibers' base context resumes each fiber in turn too), without the runtime's
     * slots and schedule. Counted as the same three switches, so that the two scores compare as they are.
     */
    @State(Scope.Thread)
    public static class TwoContinuations {
        private static final ContinuationScope SCOPE = new ContinuationScope("benchmark");
        private final Continuation first = new Continuation(SCOPE, TwoContinuations::yieldForever);
        private final Continuation second = new Continuation(SCOPE, TwoContinuations::yieldForever);

        /** The yield in a method of its own, as the fibers' is: a loop entered once is only compiled on stack. */
        private static void yieldForever() {
            while (true) yieldOnce();
        }

        private static void yieldOnce() {
            Continuation.yield(SCOPE);
        }
    }

    /** Base to continuation 1 and back, base to continuation 2 and back: as one round of {@link #fiberYield}. */
    @Benchmark
    @OperationsPerInvocation(3)
    public void continuationYield(TwoContinuations continuations) {
        continuations.first.run();
        continuations.second.run();
    }

    @Benchmark
    @OperationsPerInvocation(PASSES)
    public void virtualThreadBaton() throws InterruptedException {
        Baton.passBetweenTwoVirtualThreads(PASSES);
    }
}
