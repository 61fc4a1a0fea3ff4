/**
 * The complete runtime of chapter 10 of "Asynchronous Programming in Rust": the chapter 8 executors and
 * reactor running tasks written as the language's own asynchronous code.
 *
 * <p>Java has no async/await; its standard future, {@link java.util.concurrent.CompletableFuture}, wakes
 * whoever waits through its completion callbacks. So a task's body here is ordinary sequential code run
 * by {@link dev.ack.reference.runtime.Async} on a fiber (the JDK's continuation), which suspends at each
 * {@link dev.ack.reference.runtime.Async#await await} of a future that is not ready: the JVM's
 * counterpart of the state machine the Rust compiler makes. A {@link dev.ack.reference.runtime.Task}
 * hands its futures the {@link dev.ack.reference.runtime.RuntimeWaker}, woken by value or by
 * reference. {@link dev.ack.reference.runtime.Runtime#init()} starts the reactor, once per process;
 * each thread that calls {@code block_on} has its own chapter 8 executor, which sleeps in the OS while
 * no task is ready. The leaves: the book's {@link dev.ack.reference.runtime.Http} leaf, the JDK's own
 * client as a third-party leaf ({@link dev.ack.reference.runtime.ThirdPartyHttp}), and a leaf bound to
 * an {@link dev.ack.reference.runtime.OtherRuntime}, which works only inside that runtime's context.
 */
package dev.ack.reference.runtime;
