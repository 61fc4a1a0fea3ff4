package dev.ack.reference.wakers;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Runs tasks (top-level futures) on one thread: the book's chapter 8 executor. It polls a task when
 * it is spawned and after that only when one of its wakers was called; with no task ready it sleeps
 * on its {@link Parker} until a waker unparks it. {@link #blockOn} returns when every task, not just
 * the root, has finished. A finished task is dropped and never polled again; wakes for tasks it no
 * longer holds are ignored. Several executors, each on its own thread, may share one reactor: each
 * waker reaches the executor that made it.
 *
 * <p>Where the book keeps its tasks in a {@code HashMap<usize, Task>} and makes a new waker for every
 * poll, this executor keeps them in a list indexed by id, each with the one waker made when it was
 * spawned. Ids count up from 0 and are never reused, so an id is an index: a poll looks nothing up in
 * a hash table, boxes no id and makes no waker, which at 100,000 tasks was most of the executor's time
 * (benchmarks/README.md). A finished task's place is emptied (the book removes it from the map) and
 * stays, one reference per task spawned, until {@code block_on} returns.
 *
 * <p>Which task to poll next, how to sleep and when {@code block_on} is done are methods a subclass
 * may change ({@link #nextReady}, {@link #park}, {@link #finished}).
 */
public class Executor {
    /** The executor running on this thread, as the book's thread-local {@code CURRENT_EXEC}: how {@link #spawn} finds it. */
    private static final ThreadLocal<Executor> CURRENT = new ThreadLocal<>();
    /** What {@link #running} holds between polls. */
    private static final int NONE = -1;

    private final ExecutorTrace trace;
    /** Package-private, like the parker, for the tests' wrong executors only: no subclass elsewhere reaches either. */
    final ReadyQueue readyQueue = new ReadyQueue();
    final Parker parker = new Parker();
    /** Every task spawned, by id: its future, null once it has finished. Only the executor's thread touches it. */
    private final List<Future<String>> tasks = new ArrayList<>();
    /** Every task's waker, by id, made at its spawn and handed to each of its polls; null once it has finished. */
    private final List<Waker> wakers = new ArrayList<>();
    private int unfinished;
    /** The id of the task being polled, or {@link #NONE}. */
    private int running = NONE;
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
            while (!finished()) poll(nextReady());
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
        return executor == null || executor.running == NONE ? OptionalInt.empty() : OptionalInt.of(executor.running);
    }

    private static Executor current() {
        Executor executor = CURRENT.get();
        if (executor == null) throw new NotInitialisedException("spawn needs an executor running on this thread");
        return executor;
    }

    private void add(Future<String> future) {
        int task = tasks.size();
        tasks.add(future);
        wakers.add(new TaskWaker(readyQueue, parker, task, trace));
        unfinished++;
        trace.spawned(task);
        readyQueue.push(task);
    }

    private void poll(int task) {
        if (!isUnfinished(task)) return; // finished, or never ours: the book's guard against false wake-ups
        trace.polled(task);
        running = task;
        PollState<String> state;
        try {
            state = tasks.get(task).poll(wakers.get(task));
        } finally {
            running = NONE;
        }
        if (state instanceof PollState.Ready<String>(String value)) {
            tasks.set(task, null);
            wakers.set(task, null);
            unfinished--;
            trace.finished(task);
            if (task == 0) rootValue = value;
        }
    }

    /**
     * Whether a task is spawned and not finished.
     *
     * @param task a task id
     * @return true for a task of this executor that has not returned Ready
     */
    protected final boolean isUnfinished(int task) {
        return task >= 0 && task < tasks.size() && tasks.get(task) != null;
    }

    /**
     * How many tasks were spawned: their ids are 0 to one less than this.
     *
     * @return the number of tasks spawned, finished or not
     */
    protected final int spawnedCount() {
        return tasks.size();
    }

    /**
     * Which unfinished task to poll next: the next one a waker made ready, the book's "pop a ready id,
     * else park". With none ready it sleeps until a waker unparks it. A wake that came after the ready
     * queue was found empty left the parker's permit, so the park returns at once and the queue has the
     * task. The id may be that of a task that has finished meanwhile; polling skips it.
     *
     * @return the id of the task to poll next
     * @throws InterruptedException when the thread is interrupted while it sleeps
     */
    protected int nextReady() throws InterruptedException {
        for (int task = readyQueue.pop(); ; task = readyQueue.pop()) {
            if (task >= 0) return task;
            trace.sleeping(unfinished);
            park(parker);
        }
    }

    /**
     * Whether {@code block_on} is done: the book's, once no task is left, the root or any spawned one.
     * Called before every poll, with at least one task spawned.
     *
     * @return true when {@code block_on} may return
     */
    protected boolean finished() {
        return unfinished == 0;
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
