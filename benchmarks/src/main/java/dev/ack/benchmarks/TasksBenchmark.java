package dev.ack.benchmarks;

import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.wakers.Executor;
import dev.ack.reference.wakers.ExecutorTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Many small tasks: {@value #TASKS} tasks that each wait once on a leaf and are woken, on one thread.
 * On the reference executor (chapter 8): the root spawns every task and then a last one that wakes them
 * all, which the ready queue's order polls after every task has waited once. On the JDK: a
 * {@link CompletableFuture} pipeline, a leaf and a stage after it per task, every leaf completed once all
 * the stages are in place. ms per run of all the tasks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-exports", JvmFlags.ADD_EXPORTS})
public class TasksBenchmark {
    private static final int TASKS = 100_000;

    @Benchmark
    public String executor() throws InterruptedException {
        List<Waker> waiting = new ArrayList<>(TASKS);
        return new Executor(ExecutorTrace.NONE).blockOn(root -> {
            for (int task = 0; task < TASKS; task++) Executor.spawn(new WaitOnce(waiting));
            Executor.spawn(wakeAll -> {
                waiting.forEach(Waker::wake);
                return PollState.ready("woke them");
            });
            return PollState.ready("spawned");
        });
    }

    @Benchmark
    public Object completableFutures() {
        List<CompletableFuture<String>> leaves = new ArrayList<>(TASKS);
        List<CompletableFuture<String>> tasks = new ArrayList<>(TASKS);
        for (int task = 0; task < TASKS; task++) {
            CompletableFuture<String> leaf = new CompletableFuture<>();
            leaves.add(leaf);
            tasks.add(leaf.thenApply(value -> value));
        }
        leaves.forEach(leaf -> leaf.complete("woken"));
        return CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
    }

    /** A task that is pending on its first poll, its waker left with the others, and ready on the next. */
    private static final class WaitOnce implements dev.ack.reference.coroutines.Future<String> {
        private final List<Waker> waiting;
        private boolean waited;

        WaitOnce(List<Waker> waiting) {
            this.waiting = waiting;
        }

        @Override
        public PollState<String> poll(Waker waker) {
            if (waited) return PollState.ready("woken");
            waited = true;
            waiting.add(waker);
            return PollState.pending();
        }
    }
}
