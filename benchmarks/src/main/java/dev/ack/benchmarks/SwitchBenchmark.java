package dev.ack.benchmarks;

import dev.ack.reference.fibers.FiberException;
import dev.ack.reference.fibers.FiberRuntime;
import java.util.concurrent.TimeUnit;
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
 * The cost of one switch, in ns: between the reference fibers of one runtime, and between two virtual
 * threads on a scheduler of one carrier (the like-for-like peer of a one-thread fiber scheduler).
 * Both run in every fork; only the two scores of one run compare.
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

    @Benchmark
    @OperationsPerInvocation(PASSES)
    public void virtualThreadBaton() throws InterruptedException {
        Baton.passBetweenTwoVirtualThreads(PASSES);
    }
}
