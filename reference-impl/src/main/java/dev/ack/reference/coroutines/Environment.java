package dev.ack.reference.coroutines;


/**
 * What a running coroutine program needs from the place it runs in: where its trace entries go,
 * where its leaves come from (chapter 7's http leaf retries reads, chapter 8's uses the reactor),
 * where {@code spawn} puts a new task and where {@code keep_waker} keeps a waker. Called from the
 * thread that polls.
 */
public interface Environment {
    void log(String text);

    void leafStarted(String leaf);

    void leafPolled(String leaf, boolean ready);

    /** A new future for {@code leaf}; creating it does nothing. */
    Future<String> leaf(Leaf leaf);

    /** Hands {@code task} over to the executor running the program, as a new task. */
    void spawn(Future<String> task);

    void keepWaker(String name, Waker waker);
}
