package dev.ack.reference.coroutines;

/**
 * What a running coroutine program needs from the place it runs in: where its trace entries go,
 * where its leaves come from (chapter 7's http leaf retries reads, chapter 8's uses the reactor),
 * where {@code spawn} puts a new task, where {@code keep_waker} keeps a waker and who calls the waker
 * of a {@code yield_now} or a {@code yield_until_sleep}. Called from the thread that polls.
 */
public interface Environment {
    /**
     * Records a {@code log} instruction.
     *
     * @param text its text, the locals filled in
     */
    void log(String text);

    /**
     * Records that a leaf's first poll began its work.
     *
     * @param leaf the leaf's label
     */
    void leafStarted(String leaf);

    /**
     * Records a poll of a leaf.
     *
     * @param leaf the leaf's label
     * @param ready whether the poll was Ready
     */
    void leafPolled(String leaf, boolean ready);

    /**
     * A new future for {@code leaf}; creating it does nothing.
     *
     * @param leaf the leaf as the program names it
     * @return its future
     */
    Future<String> leaf(Leaf leaf);

    /**
     * Hands {@code task} over to the executor running the program, as a new task.
     *
     * @param task the future the task runs
     */
    void spawn(Future<String> task);

    /**
     * Keeps the waker of the poll running now under {@code name}, for the runner to call.
     *
     * @param name the name the runner calls it by
     * @param waker the waker
     */
    void keepWaker(String name, Waker waker);

    /**
     * Calls {@code waker} now, on the polling thread, as a task that yields to its executor does
     * ({@code yield_now}).
     *
     * @param waker the waker of the poll running now
     */
    void wakeFromPoll(Waker waker);

    /**
     * Has {@code waker} called from another thread the moment the executor running the program next
     * reports that it goes to sleep ({@code yield_until_sleep}).
     *
     * @param waker the waker of the poll running now
     */
    void wakeAtSleep(Waker waker);
}
