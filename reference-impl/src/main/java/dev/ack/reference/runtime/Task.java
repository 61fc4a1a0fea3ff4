package dev.ack.reference.runtime;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.wakers.Executor;
import java.util.function.Function;

/**
 * A top-level future as the chapter 8 executor runs it: an async body whose value is dropped, as
 * chapter 10's tasks have none ({@code Future<Output = ()>}). Each poll hands the body the runtime's
 * waker, made from the executor's waker of the task, so every future inside the task can be woken by
 * value or by reference.
 */
public final class Task implements Future<String> {
    private final Async<?> body;
    private final Function<Waker, ? extends RuntimeWaker> wakers;

    /**
     * A task of {@code body}, whose futures are polled with the wakers {@code wakers} makes.
     *
     * @param body the task's code
     * @param wakers makes the runtime's waker from the executor's waker of a poll
     */
    public Task(Async<?> body, Function<Waker, ? extends RuntimeWaker> wakers) {
        this.body = body;
        this.wakers = wakers;
    }

    /**
     * A task of {@code body} with the runtime's own wakers.
     *
     * @param body the task's code
     * @return the task
     */
    public static Task of(Async<?> body) {
        return new Task(body, RuntimeWaker::new);
    }

    /**
     * Adds {@code task} to the executor running on this thread, the book's {@code runtime::spawn}: it
     * runs to its end though nothing awaits it, and {@code block_on} waits for it.
     *
     * @param task the new task
     * @throws dev.ack.reference.wakers.NotInitialisedException when no executor runs on this thread
     */
    public static void spawn(Task task) {
        Executor.spawn(task);
    }

    /**
     * Resumes the body with the runtime's waker for this poll.
     *
     * @param waker the executor's waker of this task
     * @return Ready, with no value, once the body has returned; else Pending
     */
    @Override
    public PollState<String> poll(Waker waker) {
        return body.poll(wakers.apply(waker)) instanceof PollState.Ready<?> ? PollState.ready(null) : PollState.pending();
    }
}
