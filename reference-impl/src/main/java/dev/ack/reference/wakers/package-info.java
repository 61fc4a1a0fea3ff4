/**
 * A runtime for the coroutines, as built in chapter 8 of "Asynchronous Programming in Rust".
 *
 * <p>An {@link dev.ack.reference.wakers.Executor} runs tasks on one thread: it polls a task when it is
 * spawned and when a waker of it is called, and otherwise sleeps on its
 * {@link dev.ack.reference.wakers.Parker}. The {@link dev.ack.reference.wakers.Reactor} runs on its own
 * thread around the chapter 4 event queue and calls the waker of a stream that became readable, such as
 * the book's {@link dev.ack.reference.wakers.HttpGet} leaf. One reactor serves any number of executors.
 */
package dev.ack.reference.wakers;
