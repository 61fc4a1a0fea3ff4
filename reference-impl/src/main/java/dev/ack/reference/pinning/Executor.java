package dev.ack.reference.pinning;

import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The book's executor of {@code ch09/b}: {@code spawn} pins the task in its box before its first poll;
 * {@code block_on} takes a ready task out of the task map, polls it where it is and puts the box back
 * if it is Pending. Only the box moves between collections, never the task.
 */
public class Executor {
    /** An executor with no task yet. */
    public Executor() {}

    /**
     * Runs {@code root} to its end and drops it.
     *
     * @param root the root task, never polled yet
     * @return what the run did
     */
    public ExecutorRun blockOn(NativeCoroutine root) {
        try {
            return runInTaskList(Pin.boxed(root), false);
        } finally {
            root.close();
        }
    }

    /**
     * Runs a task already in its final place until it is Ready.
     *
     * @param task            the pinned root task
     * @param shortcutApplied whether it was polled before, outside the task list
     * @return what the run did
     */
    protected final ExecutorRun runInTaskList(Pin<NativeCoroutine> task, boolean shortcutApplied) {
        Map<Integer, Pin<NativeCoroutine>> tasks = new HashMap<>();
        Deque<Integer> ready = new ArrayDeque<>();
        int id = 0;
        tasks.put(id, task);
        ready.add(id);
        int requeued = 0;
        while (true) {
            Integer next = ready.poll();
            if (next == null) throw new IllegalStateException("no task is ready and nothing can wake one");
            Pin<NativeCoroutine> polled = tasks.remove(next);
            PollState<String> state = polled.get().poll(wakerOf(ready, next));
            if (state instanceof PollState.Ready<String>(String value)) return new ExecutorRun(value, shortcutApplied, requeued);
            tasks.put(next, polled);
            requeued++;
        }
    }

    private static Waker wakerOf(Deque<Integer> ready, int id) {
        return () -> ready.add(id);
    }
}
