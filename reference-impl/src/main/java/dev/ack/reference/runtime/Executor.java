package dev.ack.reference.runtime;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.PollState;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs tasks (top-level futures) on one thread: the book's chapter 8 executor. It polls a task when
 * it is spawned and after that only when one of its wakers was called; with no task ready it sleeps
 * on its {@link Parker} until a waker unparks it. {@link #blockOn} returns when every task, not just
 * the root, has finished. A finished task is dropped and never polled again; wakes for tasks it no
 * longer holds are ignored. Several executors, each on its own thread, may share one reactor: each
 * waker reaches the executor that made it.
 */
public final class Executor {
    /** The executor running on this thread, as the book's thread-local {@code CURRENT_EXEC}: how {@link #spawn} finds it. */
    private static final ThreadLocal<Executor> CURRENT = new ThreadLocal<>();

    private final ExecutorTrace trace;
    private final Variant variant;
    private final ReadyQueue readyQueue = new ReadyQueue();
    private final Parker parker = new Parker();
    /** Unfinished tasks by id; only the executor's thread touches it. */
    private final Map<Integer, Future<String>> tasks = new HashMap<>();
    private int nextId;
    /** The task being polled, if any. */
    private OptionalInt running = OptionalInt.empty();
    private String rootValue;

    public Executor(ExecutorTrace trace, Variant variant) {
        this.trace = trace;
        this.variant = variant;
    }

    /**
     * Spawns {@code root} as task 0 and runs every task until all are finished; returns the root's
     * value. Throws what a task's poll throws (and stops running the others).
     */
    public String blockOn(Future<String> root) throws InterruptedException {
        CURRENT.set(this);
        try {
            add(root);
            while (true) {
                for (Integer task = readyQueue.pop(); task != null; task = readyQueue.pop()) poll(task);
                if (tasks.isEmpty()) break;
                sleep();
            }
            trace.allFinished();
            return rootValue;
        } finally {
            CURRENT.remove();
        }
    }

    /** Adds {@code future} as a new task of the executor running on this thread; it is polled after the current poll. */
    public static void spawn(Future<String> future) {
        current().add(future);
    }

    /** The task that the executor on this thread is polling; empty outside an executor. */
    public static OptionalInt runningTask() {
        Executor executor = CURRENT.get();
        return executor == null ? OptionalInt.empty() : executor.running;
    }

    private static Executor current() {
        Executor executor = CURRENT.get();
        if (executor == null) throw new NotInitialisedException("spawn needs an executor running on this thread");
        return executor;
    }

    private void add(Future<String> future) {
        int task = nextId++;
        tasks.put(task, future);
        trace.spawned(task);
        readyQueue.push(task);
    }

    private void poll(int task) {
        Future<String> future = tasks.get(task);
        if (future == null) return; // finished, or never ours: the book's guard against false wake-ups
        trace.polled(task);
        running = OptionalInt.of(task);
        PollState<String> state;
        try {
            state = future.poll(new TaskWaker(readyQueue, parker, task, trace));
        } finally {
            running = OptionalInt.empty();
        }
        if (state instanceof PollState.Ready<String>(String value)) {
            tasks.remove(task);
            trace.finished(task);
            if (task == 0) rootValue = value;
        }
    }

    /**
     * Sleeps until a waker unparks this executor. A wake that came after the ready queue was found
     * empty left the parker's permit, so this returns at once and the loop finds the task.
     */
    private void sleep() throws InterruptedException {
        // Known-bad BUSY_EXECUTOR: does not wait for a wake; polls every task again, woken or not. It pauses
        // 1 ms a round only so that its trace (hundreds of polls a second) stays small enough to read.
        if (variant == Variant.BUSY_EXECUTOR) {
            Thread.sleep(1);
            tasks.keySet().forEach(readyQueue::push);
            return;
        }
        trace.sleeping(tasks.size());
        parker.park();
    }
}
