package dev.ack.reference.wakers;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.PollState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs tasks (top-level futures) on one thread: the book's chapter 8 executor. It polls a task when
 * it is spawned and after that only when one of its wakers was called; with no task ready it sleeps
 * on its {@link Parker} until a waker unparks it. {@link #blockOn} returns when every task, not just
 * the root, has finished. A finished task is dropped and never polled again; wakes for tasks it no
 * longer holds are ignored. Several executors, each on its own thread, may share one reactor: each
 * waker reaches the executor that made it.
 *
 * <p>Which task to poll next, how to sleep and when {@code block_on} is done are methods a subclass
 * may change ({@link #nextReady}, {@link #park}, {@link #finished}).
 */
public class Executor {
    /** The executor running on this thread, as the book's thread-local {@code CURRENT_EXEC}: how {@link #spawn} finds it. */
    private static final ThreadLocal<Executor> CURRENT = new ThreadLocal<>();

    private final ExecutorTrace trace;
    /** Package-private, like the parker, for the tests' wrong executors only: no subclass elsewhere reaches either. */
    final ReadyQueue readyQueue = new ReadyQueue();
    final Parker parker = new Parker();
    /** Unfinished tasks by id; only the executor's thread touches it. */
    private final Map<Integer, Future<String>> tasks = new HashMap<>();
    private final Set<Integer> pending = Collections.unmodifiableSet(tasks.keySet());
    private int nextId;
    /** The task being polled, if any. */
    private OptionalInt running = OptionalInt.empty();
    private String rootValue;

    /**
     * An executor with no tasks yet.
     *
     * @param trace where it reports what it does
     */
    public Executor(ExecutorTrace trace) {
        this.trace = trace;
    }

    /**
     * Spawns {@code root} as task 0 and runs every task until all are finished. Throws what a task's
     * poll throws (and stops running the others).
     *
     * @param root the first task's future
     * @return the root's value
     * @throws InterruptedException when the thread is interrupted while it sleeps: the run is abandoned
     */
    public String blockOn(Future<String> root) throws InterruptedException {
        CURRENT.set(this);
        try {
            add(root);
            while (!finished(pending)) poll(nextReady(pending));
            trace.allFinished();
            return rootValue;
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Adds {@code future} as a new task of the executor running on this thread, the book's
     * {@code runtime::spawn}; it is polled after the current poll.
     *
     * @param future the new task's future
     * @throws NotInitialisedException when no executor runs on this thread
     */
    public static void spawn(Future<String> future) {
        current().add(future);
    }

    /**
     * The task that the executor on this thread is polling.
     *
     * @return its id; empty outside an executor or between polls
     */
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
     * Which of the {@code pending} tasks to poll next: the next one a waker made ready, the book's
     * "pop a ready id, else park". With none ready it sleeps until a waker unparks it. A wake that came
     * after the ready queue was found empty left the parker's permit, so the park returns at once and
     * the queue has the task. The id may be that of a task that has finished meanwhile; polling skips it.
     *
     * @param pending the unfinished tasks' ids, at least one
     * @return the id of the task to poll next
     * @throws InterruptedException when the thread is interrupted while it sleeps
     */
    protected int nextReady(Set<Integer> pending) throws InterruptedException {
        for (Integer task = readyQueue.pop(); ; task = readyQueue.pop()) {
            if (task != null) return task;
            trace.sleeping(pending.size());
            park(parker);
        }
    }

    /**
     * Whether {@code block_on} is done: the book's, once no task is left, the root or any spawned one.
     *
     * @param pending the unfinished tasks' ids
     * @return true when {@code block_on} may return
     */
    protected boolean finished(Set<Integer> pending) {
        return pending.isEmpty();
    }

    /**
     * Sleeps until a waker unparks the executor: in the OS, using no CPU while it waits.
     *
     * @param parker the executor's own parker
     * @throws InterruptedException when the thread is interrupted while it sleeps
     */
    protected void park(Parker parker) throws InterruptedException {
        parker.park();
    }
}
