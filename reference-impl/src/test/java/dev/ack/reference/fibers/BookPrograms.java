package dev.ack.reference.fibers;

import static dev.ack.reference.fibers.FreeFunctions.currentId;
import static dev.ack.reference.fibers.FreeFunctions.spawn;
import static dev.ack.reference.fibers.FreeFunctions.yieldThread;

import java.util.List;

/** The book's two fiber programs (chapter 5: c-fibers and d-fibers-closure), printing into a list. */
public final class BookPrograms {
    private BookPrograms() {}

    /** c-fibers: two fibers count to 10 and to 15, yielding after every line. */
    public static void countingFibers(FiberRuntime runtime, List<String> out) throws FiberException {
        runtime.spawn(() -> count(out, 10));
        runtime.spawn(() -> count(out, 15));
        runtime.run();
    }

    private static void count(List<String> out, int to) {
        int id = currentId();
        out.add("THREAD " + id + " STARTING");
        for (int counter = 0; counter < to; counter++) {
            out.add("thread: " + id + " counter: " + counter);
            yieldThread();
        }
        out.add("THREAD " + id + " FINISHED");
    }

    /** d-fibers-closure: closures, one of which spawns a nested fiber; each says when it finished. */
    static void nestedSpawn(FiberRuntime runtime, List<String> out) throws FiberException {
        runtime.spawn(saysFinished(out, () -> {
            out.add("I haven't implemented a timer in this example.");
            yieldThread();
            out.add("Finally, notice how the tasks are executed concurrently.");
        }));
        runtime.spawn(saysFinished(out, () -> {
            out.add("But we can still nest tasks...");
            spawn(saysFinished(out, () -> out.add("...like this!")));
        }));
        runtime.run();
    }

    /** The book's guard: prints {@code THREAD <id> FINISHED.} when the task returns. */
    private static Runnable saysFinished(List<String> out, Runnable task) {
        return () -> {
            task.run();
            out.add("THREAD " + currentId() + " FINISHED.");
        };
    }

    /** The 29 lines the book's c-fibers prints. */
    public static final List<String> COUNTING_TRANSCRIPT = List.of(
            "THREAD 1 STARTING", "thread: 1 counter: 0",
            "THREAD 2 STARTING", "thread: 2 counter: 0",
            "thread: 1 counter: 1", "thread: 2 counter: 1",
            "thread: 1 counter: 2", "thread: 2 counter: 2",
            "thread: 1 counter: 3", "thread: 2 counter: 3",
            "thread: 1 counter: 4", "thread: 2 counter: 4",
            "thread: 1 counter: 5", "thread: 2 counter: 5",
            "thread: 1 counter: 6", "thread: 2 counter: 6",
            "thread: 1 counter: 7", "thread: 2 counter: 7",
            "thread: 1 counter: 8", "thread: 2 counter: 8",
            "thread: 1 counter: 9", "thread: 2 counter: 9",
            "THREAD 1 FINISHED",
            "thread: 2 counter: 10", "thread: 2 counter: 11", "thread: 2 counter: 12",
            "thread: 2 counter: 13", "thread: 2 counter: 14",
            "THREAD 2 FINISHED");

    /** The 7 lines the book's d-fibers-closure prints: the nested fiber gets slot 3 and runs before fiber 1 resumes. */
    public static final List<String> NESTED_SPAWN_TRANSCRIPT = List.of(
            "I haven't implemented a timer in this example.",
            "But we can still nest tasks...",
            "THREAD 2 FINISHED.",
            "...like this!",
            "THREAD 3 FINISHED.",
            "Finally, notice how the tasks are executed concurrently.",
            "THREAD 1 FINISHED.");
}
